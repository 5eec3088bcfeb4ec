// write/pdfkit-private.ts reaches past pdfkit's public API to draw glyphs by id. These
// tests fail loudly if pdfkit changes under it: the glyphs drawn must read back as the
// characters shaped, at the advances the composer used, and a pdfkit without the fields
// relied on must be refused with a message that says so.
import { describe, expect, it } from 'vitest';
import { openFontBook } from '../../src/fonts/font-book.js';
import { resolveStyle } from '../../src/validate/validate.js';
import { writePdf } from '../../src/write/pdf-writer.js';
import { EmbeddedFace, setCmykOutputIntent, setInfoXmp } from '../../src/write/pdfkit-private.js';
import type { Layout } from '../../src/paginate/types.js';
import type { PdfDocument } from '../../src/write/pdfkit.js';
import { readPdf } from '../helpers/read-pdf.js';
import { readRaw } from '../print/raw-pdf.js';

const style = resolveStyle({});
const info = { title: 't', author: 'a', subject: 's', keywords: [], date: new Date(Date.UTC(2023, 7, 25)) };

describe('glyphs drawn by id through pdfkit', () => {
  it('read back as the characters shaped, each where the composer put it', async () => {
    const book = await openFontBook(style, { baseFor: () => '.' });
    const text = '延津，政务A1';
    const glyphs = book.shape(text, 'body', 16);
    // Placed by hand, 20 pt apart: wider than any advance, so the pen moves between glyphs.
    const placed = glyphs.map((glyph, i) => ({ glyph, x: i * 20, w: glyph.advance }));
    const layout: Layout = {
      pageW: 400,
      pageH: 300,
      bookmarks: [],
      pages: [{ number: 1, draws: [{ kind: 'text', part: 'para', block: 'body 0', x: 50, y: 100, glyphs: placed, ink: 'text' }] }],
    };
    const pdf = await writePdf(layout, style, info);
    const read = await readPdf(pdf);
    expect(read.pages[0].text.replace(/\s/g, '')).toBe(text);
    const line = read.pages[0].items;
    expect(line[0].x).toBeCloseTo(50, 2);
    // The run ends where its last glyph does: 20 pt a glyph, then the last one's advance.
    expect(line.reduce((w, it) => w + it.width, 0)).toBeCloseTo(20 * (glyphs.length - 1) + glyphs.at(-1)!.advance, 2);
    // The font's widths (its W array, in subset order) are the advances the glyphs were shaped with.
    const cidFont = readRaw(pdf).ofType('Font').find((f) => /CIDFontType2/.test(f.dict))!;
    const widths = /\/W \[0 \[([^\]]*)\]/.exec(cidFont.dict)![1].trim().split(/\s+/).map(Number);
    expect(widths.slice(1, glyphs.length + 1)).toEqual(glyphs.map((g) => expect.closeTo((g.advance / 16) * 1000, 3)));
  });
});

describe('a pdfkit without the fields relied on', () => {
  const bare = { font: () => bare, appendXML: () => undefined } as unknown as PdfDocument;

  it('is refused, naming what is missing, before anything is drawn', async () => {
    const book = await openFontBook(style, { baseFor: () => '.' });
    expect(() => EmbeddedFace.open(bare, book.chains.body[0].face)).toThrow(/no longer has EmbeddedFont's subset, widths, unicode, id and finalize/);
    expect(() => setInfoXmp(bare, '<x/>')).toThrow(/no longer has PDFDocument\._addInfo/);
    expect(() => setCmykOutputIntent({ ...bare, _addInfo() {}, _root: { data: {} } } as unknown as PdfDocument, { data: new Uint8Array(), name: 'x' })).toThrow(/no longer has PDFDocument\._addColorOutputIntent/);
  });
});
