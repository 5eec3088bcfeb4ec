// The PDF object writer: values as PDF syntax, streams, and a cross-reference table whose
// offsets point at the objects (checked by reading the bytes back, and with pdf.js).
import { describe, it, expect } from 'vitest';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfFile, fileId } from '../../src/write/pdf/document.js';
import { PdfRaw, PdfRef, PdfText, toPdf } from '../../src/write/pdf/serialize.js';
import { digest16 } from '../../src/write/pdf/digest.js';

describe('PDF values', () => {
  it('writes names, numbers, booleans, null, references and hex strings', () => {
    expect(toPdf('Type')).toBe('/Type');
    expect(toPdf(595.2756)).toBe('595.2756');
    expect(toPdf(1 / 3)).toBe('0.333333');
    expect(toPdf(-0.0000001)).toBe('0');
    expect(toPdf(true)).toBe('true');
    expect(toPdf(null)).toBe('null');
    expect(toPdf(new PdfRef(12))).toBe('12 0 R');
    expect(toPdf(Uint8Array.from([0, 171, 255]))).toBe('<00abff>');
    expect(toPdf(new PdfRaw('<< /Nums [] >>'))).toBe('<< /Nums [] >>');
    expect(() => toPdf(NaN)).toThrow();
  });

  it('writes text strings: ASCII escaped, anything else as UTF-16BE with a byte order mark', () => {
    expect(toPdf(new PdfText('a (b) \\ c\n'))).toBe('(a \\(b\\) \\\\ c\\n)');
    const zh = toPdf(new PdfText('快报'));
    expect(Buffer.from(zh.slice(1, -1), 'latin1')).toEqual(Buffer.from([0xfe, 0xff, 0x5f, 0xeb, 0x62, 0xa5]));
    // A UTF-16 byte that is a parenthesis or a control character is escaped too.
    expect(toPdf(new PdfText('丨'))).toBe('(\u00fe\u00ffN\\()'); // U+4E28: 4E 28
    expect(toPdf(new PdfText('（'))).toBe('(\u00fe\u00ff\u00ff\\b)'); // U+FF08: FF 08
  });

  it('writes dates in UTC and dictionaries one entry a line, leaving out undefined values', () => {
    expect(toPdf(new Date(Date.UTC(2023, 7, 25, 9, 5, 3)))).toBe('(D:20230825090503Z)');
    expect(toPdf({ Type: 'Page', Count: 2, Kids: [new PdfRef(3), new PdfRef(4)], Skip: undefined, Sub: { A: 1 } })).toBe(
      '<<\n/Type /Page\n/Count 2\n/Kids [3 0 R 4 0 R]\n/Sub <<\n/A 1\n>>\n>>',
    );
  });
});

describe('a PDF file', () => {
  const build = () => {
    const pdf = new PdfFile('1.7');
    const pagesRef = pdf.ref();
    const content = pdf.stream({}, 'BT /F1 12 Tf ET\n');
    const page = pdf.put({ Type: 'Page', Parent: pagesRef, MediaBox: [0, 0, 200, 100], Contents: content, Resources: {} });
    pdf.put({ Type: 'Pages', Count: 1, Kids: [page] }, pagesRef);
    const raw = pdf.stream({ Type: 'Metadata', Subtype: 'XML' }, Buffer.from('<x/>'), { compress: false });
    const root = pdf.put({ Type: 'Catalog', Pages: pagesRef, Metadata: raw });
    const info = { Title: 'T', CreationDate: new Date(0) };
    const infoRef = pdf.put({ Title: new PdfText('T'), CreationDate: info.CreationDate });
    return pdf.finish(root, infoRef, fileId(info));
  };

  it('has a cross-reference table whose every offset points at its object', () => {
    const bytes = build();
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.7\n%\xff\xff\xff\xff\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
    const rows = text.slice(startxref).split('\n').slice(3, 2 + Number(count));
    expect(rows).toHaveLength(Number(count) - 1);
    rows.forEach((row, i) => {
      const at = Number(row.slice(0, 10));
      expect(text.slice(at, at + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(text).toMatch(/trailer\n<<\n\/Size 7\n\/Root 5 0 R\n\/Info 6 0 R\n\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]\n>>/);
  });

  it('deflates streams unless told not to, with their true lengths', () => {
    const text = build().toString('latin1');
    const streams = [...text.matchAll(/<<\n\/Length (\d+)\n(\/Filter \/FlateDecode\n)?[^]*?>>\nstream\n/g)];
    expect(streams).toHaveLength(2);
    const [content, meta] = streams.map((m) => ({ data: Buffer.from(text.slice(m.index! + m[0].length, m.index! + m[0].length + Number(m[1])), 'latin1'), flate: !!m[2], end: m.index! + m[0].length + Number(m[1]) }));
    expect(content.flate).toBe(true);
    expect(inflateSync(content.data).toString()).toBe('BT /F1 12 Tf ET\n');
    expect(meta.flate).toBe(false);
    expect(meta.data.toString()).toBe('<x/>');
    expect(text.slice(meta.end, meta.end + 10)).toBe('\nendstream');
  });

  it('opens in pdf.js, with its page size and title', async () => {
    const doc = await getDocument({ data: new Uint8Array(build()), verbosity: 0, isEvalSupported: false }).promise;
    expect(doc.numPages).toBe(1);
    const page = await doc.getPage(1);
    expect(page.view).toEqual([0, 0, 200, 100]);
    expect(((await doc.getMetadata()).info as { Title: string }).Title).toBe('T');
    await doc.destroy();
  });

  it('refuses to finish with an object number handed out but never written', () => {
    const pdf = new PdfFile();
    const lost = pdf.ref();
    const root = pdf.put({ Type: 'Catalog', Pages: lost });
    expect(() => pdf.finish(root, root, Buffer.alloc(16))).toThrow('PDF object 1 was never written');
  });

  it('gives the same bytes for the same objects', () => {
    expect(build().equals(build())).toBe(true);
  });
});

describe('the 16-byte digest (file ID, subset tags)', () => {
  it('is the same for the same input and differs for a different one, or a different split', () => {
    expect(digest16('abc', [1, 2])).toEqual(digest16('abc', [1, 2]));
    expect(digest16('abc', [1, 2])).not.toEqual(digest16('abc', [1, 3]));
    expect(digest16('ab', 'c')).not.toEqual(digest16('a', 'bc'));
    expect(digest16('x')).toHaveLength(16);
  });
});
