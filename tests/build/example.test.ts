// Issue 38 end to end, read back as a reader would: every word in order, the masthead,
// the end block, page numbers, geometry, fonts, metadata, reproducibility.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash, type PdfRead } from '../helpers/read-pdf.js';
import { withoutWarnings } from '../helpers/warnings.js';

const MM = 72 / 25.4;
const LEFT = 28 * MM;
const RIGHT = (210 - 26) * MM;
const TOP = 37 * MM;
const BOTTOM = (297 - 35) * MM;

interface Ex {
  masthead: { title: string; publisher: string };
  sections: { heading: string; items: { title?: string; body: string; source?: string }[] }[];
  distribution: { label: string; to: string[] };
  staff: { role: string; name: string }[];
}
const ex = parse(readFileSync(EXAMPLE, 'utf8')) as Ex;

let dir: string;
let pdfBytes: Buffer;
let pdf: PdfRead;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yb-example-'));
  const r = await cli(['build', EXAMPLE, '-o', join(dir, 'out.pdf')], { env: { SOURCE_DATE_EPOCH: '' } });
  expect(withoutWarnings(r.stderr)).toBe('');
  expect(r.code).toBe(0);
  pdfBytes = readFileSync(join(dir, 'out.pdf'));
  pdf = await readPdf(pdfBytes);
});

describe('issue 38', () => {
  it('has 3 to 5 A4 pages', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    expect(pdf.pages.length).toBeLessThanOrEqual(5);
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
    }
  });

  it('holds every word of the issue, in order', () => {
    const expected: string[] = [ex.masthead.title, '第38期', ex.masthead.publisher, '2023年8月25日'];
    for (const s of ex.sections) {
      expected.push(`【${s.heading}】`);
      for (const it of s.items) expected.push(it.title ?? '', squash(it.body), `（${it.source}）`);
    }
    expected.push(`${ex.distribution.label}：${ex.distribution.to.join('，')}。`);
    for (const s of ex.staff) expected.push(`${s.role}：`, s.name);
    const all = squash(pdf.pages.map((p) => p.lines.filter((l) => l.y < BOTTOM + 5).map((l) => l.text).join('')).join(''));
    let at = 0;
    for (const piece of expected.filter(Boolean)) {
      const i = all.indexOf(squash(piece), at);
      expect(i, `"${piece.slice(0, 20)}…" after position ${at}`).toBeGreaterThanOrEqual(0);
      at = i + squash(piece).length;
    }
  });

  it('sets the masthead on page 1: title, issue line, publisher left and date right', () => {
    const p1 = pdf.pages[0];
    const title = p1.lines.find((l) => squash(l.text) === ex.masthead.title)!;
    expect(title).toBeTruthy();
    expect(title.items[0].size).toBeGreaterThanOrEqual(26);
    expect(title.items[0].size).toBeLessThanOrEqual(42);
    expect((title.x0 + title.x1) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    const pub = p1.items.find((g) => g.str.startsWith('延津县人民政府办公室'))!;
    expect(pub.x).toBeCloseTo(LEFT + 16, 0);
    const dateLine = p1.lines.find((l) => squash(l.text).includes('2023年8月25日'))!;
    expect(dateLine.x1).toBeCloseTo(RIGHT - 16, 0);
    // The masthead takes about the top third of the page.
    const firstHeading = p1.lines.find((l) => l.text.startsWith('【'))!;
    expect(firstHeading.y).toBeGreaterThan(TOP + (BOTTOM - TOP) * 0.2);
    expect(firstHeading.y).toBeLessThan(TOP + (BOTTOM - TOP) * 0.4);
  });

  it('justifies body lines to both edges of the type area and keeps baselines on the grid', () => {
    const pitch = (BOTTOM - TOP) / 22;
    let full = 0;
    for (const p of pdf.pages) {
      for (const l of p.lines) {
        if (l.y > BOTTOM || Math.abs(l.items[0].size - 16) > 0.1) continue;
        const row = (l.y - TOP - pitch / 2 - 0.38 * 16) / pitch;
        expect(Math.abs(row - Math.round(row)), `line "${l.text.slice(0, 10)}" off the grid`).toBeLessThan(0.01);
        expect(l.x0).toBeGreaterThanOrEqual(LEFT - 8.5);
        // A closing mark at a line end is set half a cell wide; its font advance is a whole one.
        const x1 = /[，。、；：？！）】」』”’》〉〕]$/.test(l.text) ? l.x1 - 0.5 * (RIGHT - LEFT) / 28 : l.x1;
        expect(x1).toBeLessThanOrEqual(RIGHT + 0.5);
        if (Math.abs(x1 - RIGHT) < 0.5) full++;
        else if (process.env.YB_DEBUG) process.stderr.write(`${l.x1 - RIGHT} ${l.text}\n`);
      }
    }
    expect(full).toBeGreaterThan(50);
  });

  it('puts the end block at the foot of the last page', () => {
    const last = pdf.pages[pdf.pages.length - 1];
    const dist = last.lines.find((l) => l.text.startsWith(ex.distribution.label))!;
    expect(dist).toBeTruthy();
    expect(dist.items[0].size).toBeCloseTo(14, 1);
    expect(dist.x0).toBeCloseTo(LEFT + 14, 0);
    // Wrapped lines hang under the first recipient, and no recipient is split.
    const distLines = last.lines.filter((l) => l.y >= dist.y && l.y < dist.y + 60 && Math.abs(l.items[0].size - 14) < 0.1 && !l.text.includes('责任编辑'));
    expect(distLines.length).toBeGreaterThan(1);
    for (const l of distLines.slice(1)) expect(l.x0).toBeCloseTo(LEFT + 14 + 4 * 14, 0); // under the character after 本期发：
    for (const r of ex.distribution.to) expect(distLines.some((l) => squash(l.text).includes(r)), r).toBe(true);
    const staff = last.lines.find((l) => l.text.includes('责任编辑'))!;
    expect(staff.y).toBeGreaterThan(BOTTOM - 40);
    expect(staff.y).toBeLessThan(BOTTOM);
    // 李勉 is set three characters wide: 勉 starts two cells after 李.
    const li = staff.items.find((g) => g.str.includes('李'))!;
    const mian = staff.items.find((g) => g.str.includes('勉'))!;
    const liX = li.x + (li.str.indexOf('李') * li.width) / li.str.length;
    const mianX = mian.x + (mian.str.indexOf('勉') * mian.width) / mian.str.length;
    expect(mianX - liX).toBeCloseTo(28, 0);
  });

  it('numbers the pages — N —, odd pages right and even pages left', () => {
    pdf.pages.forEach((p, i) => {
      const folio = p.lines.find((l) => l.y > BOTTOM && squash(l.text) === `—${i + 1}—`);
      expect(folio, `page ${i + 1}`).toBeTruthy();
      expect(folio!.y).toBeGreaterThan(BOTTOM + 7 * MM);
      // The dashes are drawn cell-wide, so allow a point for the font's own dash advance.
      if ((i + 1) % 2 === 1) expect(Math.abs(folio!.x1 - (RIGHT - 14))).toBeLessThan(1);
      else expect(Math.abs(folio!.x0 - (LEFT + 14))).toBeLessThan(1);
    });
  });

  it('records title, author, keywords and a bookmark per section', () => {
    expect(pdf.info.Title).toBe('延津政务快报 第38期');
    expect(pdf.info.Author).toBe('延津县人民政府办公室');
    expect(String(pdf.info.Keywords)).toContain('优化营商环境');
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20230825/);
    expect(pdf.outline.map((o) => o.title)).toEqual(ex.sections.map((s) => s.heading));
  });

  it('embeds subset fonts with ToUnicode maps', () => {
    const raw = pdfBytes.toString('latin1');
    const fontNames = [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]);
    expect(new Set(fontNames.map((n) => n.slice(7)))).toEqual(new Set(['NotoSerifSC-Black', 'NotoSerifSC-Regular', 'NotoSansSC-Bold']));
    expect(raw.match(/\/ToUnicode/g)!.length).toBe(3);
    expect(pdfBytes.length).toBeLessThan(600_000);
  });

  it('gives the same bytes for the same input', async () => {
    const r = await cli(['build', EXAMPLE, '-o', join(dir, 'again.pdf')], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'again.pdf')).equals(pdfBytes)).toBe(true);
  });

  it('uses SOURCE_DATE_EPOCH for the creation date when set', async () => {
    const r = await cli(['build', EXAMPLE, '-o', join(dir, 'epoch.pdf')], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(r.code).toBe(0);
    const p = await readPdf(readFileSync(join(dir, 'epoch.pdf')));
    expect(String(p.info.CreationDate)).toMatch(/^D:20231114/);
  });
});
