// A rare character (𠮷 U+20BB7, which the bundled faces lack) either stops the build with
// a message naming it, its code point, the role, the faces tried and where it stands — or,
// given a fallback face that has it, is set in that face and reads back from the PDF.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { makeTtf, SERIF } from './make-font.js';
import { embeddedFonts } from './office.js';
import { withoutWarnings } from '../helpers/warnings.js';

const env = { SOURCE_DATE_EPOCH: '' };
let dir: string;
let issue: string;
let where: { body: [number, number]; staff: [number, number] };

/** Issue 38 with 𠮷 in the first body and a staff name, and 䶮 (which Noto has) in another. */
function rareIssue(extra = ''): string {
  const src = readFileSync(EXAMPLE, 'utf8').replace('建立企业联系服务', '建立𠮷企业联系服务').replace('李勉', '李𠮷').replace('原超俊', '刘䶮');
  return src + extra;
}

/** Line and column (UTF-16 units, as editors count) of 𠮷 on the line holding `context`. */
const pos = (text: string, context: string): [number, number] => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(context));
  return [i + 1, lines[i].indexOf('𠮷') + 1];
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-rare-'));
  const text = rareIssue();
  issue = join(dir, 'rare.yaml');
  writeFileSync(issue, text);
  where = { body: pos(text, '𠮷企业'), staff: pos(text, '李𠮷') };
  mkdirSync(join(dir, 'fonts'));
  // The office's "rare characters" face: 𠮷 drawn with the glyph of 吉.
  writeFileSync(join(dir, 'fonts', 'rare.ttf'), makeTtf(SERIF, { chars: '', as: { '𠮷': '吉' } }, { family: 'YB Rare', postscript: 'YBRare-Regular' }));
});

describe('a character no face has', () => {
  it('stops the build, naming the character, U+XXXX, the role, the faces tried and file:line:col', async () => {
    const r = await cli(['build', issue, '-o', join(dir, 'no.pdf')], { env });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith(issue));
    expect(lines, r.stderr).toEqual([
      `${issue}:${where.body[0]}:${where.body[1]}: sections[0].items[0].body: "𠮷" (U+20BB7) is in no face of the body role (tried: NotoSerifSC-Regular)`,
      `${issue}:${where.staff[0]}:${where.staff[1]}: staff[0]: "𠮷" (U+20BB7) is in no face of the end role (tried: NotoSerifSC-Regular)`,
    ]);
    expect(r.stderr).toContain('hint: add a face that has it to style.fonts.fallback');
    expect(() => readFileSync(join(dir, 'no.pdf'))).toThrow();
  });

  it('is listed by `fonts ISSUE` with its location, exit 1', async () => {
    const r = await cli(['fonts', issue], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('characters no face covers (2):');
    expect(r.stdout).toContain(`${issue}:${where.body[0]}:${where.body[1]}: sections[0].items[0].body: "𠮷" (U+20BB7)`);
  });

  it('names every face of the chain it tried', async () => {
    const withChain = join(dir, 'chain.yaml');
    writeFileSync(withChain, rareIssue('\nstyle:\n  fonts:\n    body: [Noto Serif SC, Noto Sans SC]\n'));
    const r = await cli(['build', withChain, '-o', join(dir, 'chain.pdf')], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"𠮷" (U+20BB7) is in no face of the body role (tried: NotoSerifSC-Regular, NotoSansSC-Regular)');
  });
});

describe('a fallback face that has the character', () => {
  let out: string;
  beforeAll(async () => {
    const withFallback = join(dir, 'fallback.yaml');
    // A name: found in the fonts/ folder beside the issue.
    writeFileSync(withFallback, rareIssue('\nstyle:\n  fonts:\n    fallback: YB Rare\n'));
    out = join(dir, 'fallback.pdf');
    const r = await cli(['build', withFallback, '-o', out], { env });
    expect(withoutWarnings(r.stderr)).toBe('');
    expect(r.code).toBe(0);
  });

  it('embeds the fallback face and sets the character in it', async () => {
    const bytes = readFileSync(out);
    expect(embeddedFonts(bytes).map((f) => f.name)).toContain('YBRare-Regular');
    const text = squash((await readPdf(bytes)).text);
    expect(text).toContain('建立𠮷企业联系服务');
    expect(text).toContain('李𠮷');
  });

  it('sets a rare character the default face has (䶮 U+4DAE) without any fallback', async () => {
    const text = squash((await readPdf(readFileSync(out))).text);
    expect(text).toContain('刘䶮');
  });

  it('`fonts ISSUE` finds nothing missing, exit 0', async () => {
    const r = await cli(['fonts', join(dir, 'fallback.yaml')], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/body:\n {2}1\. NotoSerifSC-Regular .*\(bundled\)\n {2}2\. YBRare-Regular .*rare\.ttf {2}\(fonts folder\)\n/);
    expect(r.stdout).toContain('every character of the issue has a glyph in a face of its role');
  });
});
