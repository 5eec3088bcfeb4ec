// --color cmyk: every colour the pages use is DeviceCMYK — the red C0 M100 Y100 K0 (or
// the style's), black K100 alone — for text and rules, fill and stroke; RGB stays the default.
import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, tmp } from './build.js';
import { readRaw } from './raw-pdf.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { withoutWarnings } from '../helpers/warnings.js';

/** What the pages paint, as a PDF reader's graphics state has it: each text object's fill and each stroke's colour. */
interface Painted {
  /** Every colour set, fill or stroke: `space c1 c2 …`, components to three decimals. */
  colours: Set<string>;
  texts: string[];
  strokes: string[];
}

function painted(pdf: Buffer): Painted {
  const raw = readRaw(pdf);
  const out: Painted = { colours: new Set(), texts: [], strokes: [] };
  for (const page of raw.ofType('Page')) {
    const content = raw.deref(page.dict, 'Contents')!.stream!.toString('latin1');
    // Content streams here hold no strings with these words: operands then operator.
    let state = { fillSpace: 'DeviceGray', strokeSpace: 'DeviceGray', fill: 'DeviceGray 0', stroke: 'DeviceGray 0' };
    const stack: (typeof state)[] = [];
    let operands: string[] = [];
    const colour = (space: string) => `${space} ${operands.map((n) => String(Math.round(Number(n) * 1000) / 1000)).join(' ')}`;
    for (const tok of content.split(/\s+/)) {
      if (/^-?[\d.]+$/.test(tok) || tok.startsWith('/')) {
        operands.push(tok);
        continue;
      }
      const set = (key: 'fill' | 'stroke', value: string) => {
        state = { ...state, [key]: value };
        out.colours.add(value);
      };
      if (tok === 'q') stack.push(state);
      else if (tok === 'Q') state = stack.pop()!;
      else if (tok === 'cs') state = { ...state, fillSpace: operands[0].slice(1) };
      else if (tok === 'CS') state = { ...state, strokeSpace: operands[0].slice(1) };
      else if (tok === 'sc' || tok === 'scn') set('fill', colour(state.fillSpace));
      else if (tok === 'SC' || tok === 'SCN') set('stroke', colour(state.strokeSpace));
      else if (tok === 'rg') set('fill', colour('DeviceRGB'));
      else if (tok === 'RG') set('stroke', colour('DeviceRGB'));
      else if (tok === 'k') set('fill', colour('DeviceCMYK'));
      else if (tok === 'K') set('stroke', colour('DeviceCMYK'));
      else if (tok === 'BT') out.texts.push(state.fill);
      else if (tok === 'S') out.strokes.push(state.stroke);
      operands = [];
    }
  }
  return out;
}

const RED = 'DeviceCMYK 0 1 1 0';
const BLACK = 'DeviceCMYK 0 0 0 1';

describe('--color cmyk', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = (await build(['--color', 'cmyk'])).pdf;
  });

  it('sets only DeviceCMYK colours: red 0 1 1 0, black 0 0 0 1', () => {
    expect(painted(pdf).colours).toEqual(new Set([RED, BLACK]));
  });

  it('sets every line of text in a colour, red for the title only', () => {
    const { texts } = painted(pdf);
    expect(texts.filter((c) => c === RED)).toHaveLength(1);
    expect(texts.filter((c) => c === BLACK).length).toBeGreaterThan(80);
    expect(texts.every((c) => c === RED || c === BLACK)).toBe(true);
  });

  it('strokes the masthead rule red and the end block rules black', () => {
    expect(painted(pdf).strokes).toEqual([RED, BLACK, BLACK, BLACK]);
  });

  it('keeps the text readable', async () => {
    const read = await readPdf(pdf);
    expect(squash(read.pages[0].text)).toContain('延津政务快报');
  });

  it('takes the red from color.redCmyk', async () => {
    const dir = tmp();
    const style = join(dir, 'house.yaml');
    writeFileSync(style, 'color:\n  redCmyk: [0, 90, 85, 5]\n');
    expect(painted((await build(['--color', 'cmyk', '--style', style], { dir })).pdf).colours).toEqual(new Set(['DeviceCMYK 0 0.9 0.85 0.05', BLACK]));
  });

  it('stays RGB by default', async () => {
    expect(painted((await build([])).pdf).colours).toEqual(new Set(['DeviceRGB 0.902 0 0.071', 'DeviceRGB 0 0 0']));
  });
});
