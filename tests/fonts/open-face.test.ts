// Opening faces: collection members, CFF and variable outlines, per-character fallback
// along a role's chain, and clear refusals.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFace, FaceError } from '../../src/fonts/open-face.js';
import { openFontBook } from '../../src/fonts/font-book.js';
import { checkCoverage } from '../../src/fonts/coverage.js';
import { resolveStyle } from '../../src/validate/validate.js';
import { makeCffOtf, makeTtc, makeTtf, SANS, SERIF } from './make-font.js';

let dir: string;
const p = (f: string) => join(dir, f);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-open-'));
  writeFileSync(
    p('cjk.ttc'),
    makeTtc([
      { source: SERIF, chars: '永', names: { family: 'YB Ming', postscript: 'YBMingTC-Regular' } },
      { source: SERIF, chars: '和', names: { family: 'YB Song', postscript: 'YBSongSC-Regular' } },
      { source: SANS, chars: '九', names: { family: 'YB Gothic', postscript: 'YBGothicJP-Regular' } },
    ]),
  );
  writeFileSync(p('noto-like.ttc'), makeTtc([{ source: SERIF, chars: '永', names: { family: 'A', postscript: 'NotoSansCJKjp-Regular' } }, { source: SERIF, chars: '永', names: { family: 'A', postscript: 'NotoSansCJKsc-Regular' } }]));
  writeFileSync(p('plain.ttc'), makeTtc([{ source: SERIF, chars: '永', names: { family: 'A', postscript: 'First-Regular' } }, { source: SERIF, chars: '永', names: { family: 'B', postscript: 'Second-Regular' } }]));
  writeFileSync(p('a.ttf'), makeTtf(SERIF, '永和', { family: 'YB A', postscript: 'YBA-Regular' }));
  writeFileSync(p('b.otf'), makeCffOtf(SANS, '和九年', { family: 'YB B', postscript: 'YBB-Regular' }));
  writeFileSync(p('cff2.otf'), makeCffOtf(SANS, '和', { family: 'YB C', postscript: 'YBC-Regular' }, { cff2: true }));
  writeFileSync(p('var.ttf'), makeTtf(SERIF, '永', { family: 'YB V', postscript: 'YBV-Regular', variable: true }));
  writeFileSync(p('junk.ttf'), 'not a font at all');
});

describe('collections', () => {
  it('take the Simplified Chinese member by default', () => {
    expect(openFace(p('cjk.ttc')).postscriptName).toBe('YBSongSC-Regular');
    expect(openFace(p('noto-like.ttc')).postscriptName).toBe('NotoSansCJKsc-Regular');
  });

  it('take the first member where none is Simplified Chinese', () => {
    expect(openFace(p('plain.ttc')).postscriptName).toBe('First-Regular');
  });

  it('take the member named after #', () => {
    const f = openFace(`${p('cjk.ttc')}#YBGothicJP-Regular`);
    expect(f.postscriptName).toBe('YBGothicJP-Regular');
    expect(f.glyphId('九'.codePointAt(0)!)).toBeGreaterThan(0);
  });

  it('list their members when the named one is not there', () => {
    expect(() => openFace(`${p('cjk.ttc')}#Nope`)).toThrow(`${p('cjk.ttc')} has no member "Nope"; it holds: YBMingTC-Regular, YBSongSC-Regular, YBGothicJP-Regular`);
  });
});

describe('outlines', () => {
  it('opens CFF .otf faces', () => {
    const f = openFace(p('b.otf'));
    expect(f.postscriptName).toBe('YBB-Regular');
    expect(Object.keys((f.font as unknown as { directory: { tables: object } }).directory.tables)).toContain('CFF ');
    const gid = f.glyphId('和'.codePointAt(0)!);
    expect(gid).toBeGreaterThan(0);
    const [minX, maxX] = f.ink(gid, 'x')!;
    expect(maxX - minX).toBeGreaterThan(f.unitsPerEm / 2); // real ink, not an empty glyph
  });

  it('uses a TrueType variable font at its default instance and says so', () => {
    expect(openFace(p('var.ttf')).note).toBe('variable font, used at its default instance (wght 400)');
    expect(openFace(p('a.ttf')).note).toBeUndefined();
  });

  it('refuses CFF2 (variable OpenType) outlines, which cannot be embedded', () => {
    expect(() => openFace(p('cff2.otf'))).toThrow(/has CFF2 \(variable\) outlines, which cannot be embedded in a PDF; use a static \.otf or \.ttf/);
  });

  it('refuses a file that is not a font, naming it', () => {
    expect(() => openFace(p('junk.ttf'))).toThrow(FaceError);
    expect(() => openFace(p('junk.ttf'))).toThrow(`${p('junk.ttf')} is not a font file this program can read (TrueType, OpenType, .ttc, .otc or WOFF)`);
  });
});

describe('per-character fallback', () => {
  const book = () => openFontBook(resolveStyle({ fonts: { body: ['a.ttf', 'b.otf'], fallback: ['Noto Serif SC'] } }), { baseFor: () => dir });

  it('takes each character from the first face of the chain that has it', async () => {
    const b = await book();
    expect(b.chains.body.map((f) => f.face.postscriptName)).toEqual(['YBA-Regular', 'YBB-Regular', 'NotoSerifSC-Regular']);
    expect(b.shape('永和九年月', 'body', 16).map((g) => g.face.face.postscriptName)).toEqual(['YBA-Regular', 'YBA-Regular', 'YBB-Regular', 'YBB-Regular', 'NotoSerifSC-Regular']);
    // The fallback is appended to every role.
    expect(b.chains.heading.map((f) => f.face.postscriptName)).toEqual(['NotoSansSC-Bold', 'NotoSerifSC-Regular']);
  });

  it('measures each character in the face that sets it', async () => {
    const b = await book();
    const a = openFace(p('a.ttf'));
    const [g] = b.shape('永', 'body', 16);
    expect(g.glyphId).toBe(a.glyphId(0x6c38));
    expect(g.advance).toBe((a.advance(a.glyphId(0x6c38)) / a.unitsPerEm) * 16);
    // The advance is the face's hmtx width, as fontkit's glyph gives it.
    expect(a.advance(g.glyphId)).toBe(a.font.getGlyph(g.glyphId).advanceWidth);
  });

  it('reports a character no face of the role has, with the faces tried', async () => {
    const b = await openFontBook(resolveStyle({ fonts: { body: ['a.ttf', 'b.otf'] } }), { baseFor: () => dir });
    const problems = checkCoverage([{ text: '永和月𠮷', role: 'body', field: 'x.body', locate: (ch) => ({ line: 3, col: '永和月𠮷'.indexOf(ch) + 7 }) }], b, 'i.yaml');
    expect(problems.map((x) => [x.line, x.col, x.message])).toEqual([
      [3, 9, '"月" (U+6708) is in no face of the body role (tried: YBA-Regular, YBB-Regular)'],
      [3, 10, '"𠮷" (U+20BB7) is in no face of the body role (tried: YBA-Regular, YBB-Regular)'],
    ]);
  });

  it('marks a face for fake bold only where its role asks for bold and it has no bold weight', async () => {
    const b = await openFontBook(resolveStyle({ fonts: { lead: 'a.ttf', heading: 'Noto Sans SC Bold' }, bold: { lead: true, heading: true } }), { baseFor: () => dir });
    expect(b.chains.lead.map((f) => [f.face.postscriptName, f.fakeBold])).toEqual([['YBA-Regular', true]]);
    expect(b.chains.heading.map((f) => [f.face.postscriptName, f.fakeBold])).toEqual([['NotoSansSC-Bold', false]]);
    expect(b.chains.body.map((f) => f.fakeBold)).toEqual([false]);
  });
});
