// --color cmyk: every colour the pages use is DeviceCMYK — the red C0 M100 Y100 K0 (or
// the style's), black K100 alone — for text and rules, fill and stroke; RGB stays the default.
import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, tmp } from './build.js';
import { readRaw } from './raw-pdf.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { withoutWarnings } from '../helpers/warnings.js';

/** The colour operators of every page's content stream, with their operands. */
function colourOps(pdf: Buffer): string[] {
  const raw = readRaw(pdf);
  const ops: string[] = [];
  for (const page of raw.ofType('Page')) {
    const content = raw.deref(page.dict, 'Contents')!.stream!.toString('latin1');
    // Operands then operator; content streams here hold no strings with these words.
    for (const m of content.matchAll(/((?:-?[\d.]+ )+)(rg|RG|k|K|g|G|sc|SC|scn|SCN)(?=\s)|\/\w+ (cs|CS)(?=\s)/g)) ops.push(m[0]);
  }
  return ops;
}

describe('--color cmyk', () => {
  let pdf: Buffer;
  beforeAll(() => {
    pdf = build(['--color', 'cmyk']).pdf;
  });

  it('uses only DeviceCMYK operators: red 0 1 1 0, black 0 0 0 1, fill and stroke', () => {
    const ops = new Set(colourOps(pdf));
    expect(ops).toEqual(new Set(['0 1 1 0 k', '0 1 1 0 K', '0 0 0 1 k', '0 0 0 1 K']));
  });

  it('sets every line of text after a colour, red for the title only', () => {
    const raw = readRaw(pdf);
    let red = 0;
    let black = 0;
    for (const page of raw.ofType('Page')) {
      const content = raw.deref(page.dict, 'Contents')!.stream!.toString('latin1');
      // Each text object is preceded, within its q … Q, by its fill and stroke colour.
      for (const m of content.matchAll(/q\n(?:.*\n)*?(.* k) (.* K)\nBT\n/g)) {
        expect(m[1].replace(' k', '')).toBe(m[2].replace(' K', ''));
        if (m[1] === '0 1 1 0 k') red++;
        else black++;
      }
      expect(content.split('\nBT\n').length - 1).toBe(content.match(/ k .* K\nBT\n/g)!.length);
    }
    expect(red).toBe(1);
    expect(black).toBeGreaterThan(80);
  });

  it('strokes the masthead rule red and the end block rules black', () => {
    const strokes = colourOps(pdf).filter((o) => o.endsWith(' K') && !/ k$/.test(o));
    const raw = readRaw(pdf);
    const contents = raw.ofType('Page').map((p) => raw.deref(p.dict, 'Contents')!.stream!.toString('latin1'));
    const ruleColours = contents.flatMap((c) => [...c.matchAll(/q\n(.*) K\n[\d.]+ w\n/g)].map((m) => m[1]));
    expect(ruleColours).toEqual(['0 1 1 0', '0 0 0 1', '0 0 0 1', '0 0 0 1']);
    expect(strokes.length).toBeGreaterThan(4);
  });

  it('keeps the text readable', async () => {
    const read = await readPdf(pdf);
    expect(squash(read.pages[0].text)).toContain('延津政务快报');
  });

  it('takes the red from color.redCmyk', () => {
    const dir = tmp();
    const style = join(dir, 'house.yaml');
    writeFileSync(style, 'color:\n  redCmyk: [0, 90, 85, 5]\n');
    const ops = new Set(colourOps(build(['--color', 'cmyk', '--style', style], { dir }).pdf));
    expect(ops).toEqual(new Set(['0 0.9 0.85 0.05 k', '0 0.9 0.85 0.05 K', '0 0 0 1 k', '0 0 0 1 K']));
  });

  it('stays RGB by default', () => {
    const ops = new Set(colourOps(build([]).pdf));
    expect(ops).toEqual(new Set(['0.902 0 0.071 rg', '0.902 0 0.071 RG', '0 0 0 rg', '0 0 0 RG']));
  });
});
