// Issue 38 built with an office's own faces — a .ttc member for the masthead, a CFF .otf
// for the headings, a face found by its family name in the user's font folder for the
// body — read back from the PDF: those faces are embedded, and the text is all there.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash, type PdfRead } from '../helpers/read-pdf.js';
import { embeddedFonts, example, makeOffice, type Office } from './office.js';
import { withoutWarnings } from '../helpers/warnings.js';

const STYLE = `fonts:
  masthead: fonts/office.ttc#YBXiaoBiaoSong-Regular
  heading: fonts/yb-hei.otf
  body: [仿宋_YB, Noto Serif SC]
`;

let office: Office;
let pdfBytes: Buffer;
let pdf: PdfRead;

beforeAll(async () => {
  office = makeOffice(STYLE);
  const out = join(office.dir, 'out.pdf');
  const r = await cli(['build', EXAMPLE, '--style', office.style, '-o', out], { env: office.env });
  expect(withoutWarnings(r.stderr)).toBe('');
  expect(r.code).toBe(0);
  pdfBytes = readFileSync(out);
  pdf = await readPdf(pdfBytes);
});

describe('an office style with its own faces', () => {
  it('embeds the .ttc member it names, not the collection\'s first member', () => {
    const names = embeddedFonts(pdfBytes).map((f) => f.name);
    expect(names).toContain('YBXiaoBiaoSong-Regular');
    expect(names).not.toContain('YBKai-Regular');
    expect(names).not.toContain('NotoSerifSC-Black');
  });

  it('embeds the CFF .otf as FontFile3 (CIDFontType0C) and the TrueType faces as FontFile2', () => {
    const fonts = embeddedFonts(pdfBytes);
    const hei = fonts.find((f) => f.name === 'YBHei-Bold');
    expect(hei).toEqual({ name: 'YBHei-Bold', file: 'FontFile3', subtype: 'CIDFontType0C' });
    for (const f of fonts.filter((f) => f.name !== 'YBHei-Bold')) expect(f.file, f.name).toBe('FontFile2');
    expect(new Set(fonts.map((f) => f.name))).toEqual(new Set(['YBXiaoBiaoSong-Regular', 'YBHei-Bold', 'YBFangSong-Regular', 'NotoSerifSC-Regular', 'NotoSansSC-Bold']));
  });

  it('finds the body face by its Chinese family name in the user font folder, and falls back per character', () => {
    const names = embeddedFonts(pdfBytes).map((f) => f.name);
    expect(names).toContain('YBFangSong-Regular');
    // The test face has only part of the body's characters; the rest come from the fallback.
    expect(names).toContain('NotoSerifSC-Regular');
  });

  it('keeps every character readable: title, headings and bodies come back from the PDF', () => {
    const all = squash(pdf.text).replace(/—\d+—/g, ''); // folios sit between lines
    expect(all).toContain(example.masthead.title);
    for (const s of example.sections) {
      expect(all).toContain(squash(`【${s.heading}】`));
      for (const it of s.items) expect(all).toContain(squash(it.body).slice(0, 40));
    }
  });

  it('sets the masthead title in the .ttc member and the headings in the .otf (pdf.js font per item)', () => {
    const p1 = pdf.pages[0];
    const title = p1.items.filter((g) => example.masthead.title.includes(g.str.trim()) && g.str.trim());
    const heading = pdf.pages.flatMap((p) => p.items).filter((g) => g.str.startsWith('【'));
    expect(title.length).toBeGreaterThan(0);
    expect(heading.length).toBeGreaterThan(0);
    const titleFonts = new Set(title.map((g) => g.fontName));
    const headingFonts = new Set(heading.map((g) => g.fontName));
    expect(titleFonts.size).toBe(1);
    expect(headingFonts.size).toBe(1);
    expect([...titleFonts][0]).not.toBe([...headingFonts][0]);
  });
});
