// The page furniture of FORMAT.md beyond the example: mark, running total, print run,
// long titles, the end block on a page of its own, and style overrides.
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { exampleData, tempDir, writeIssue } from '../helpers/variant.js';
import { withoutWarnings } from '../helpers/warnings.js';

const MM = 72 / 25.4;
const LEFT = 28 * MM;
const RIGHT = (210 - 26) * MM;
const TOP = 37 * MM;

async function build(data: Record<string, unknown>, extra: string[] = [], files: Record<string, string> = {}) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const src = writeIssue(dir, 'issue.yaml', data);
  const r = await cli(['build', src, ...extra]);
  expect(withoutWarnings(r.stderr)).toBe('');
  expect(r.code).toBe(0);
  return readPdf(readFileSync(join(dir, 'issue.pdf')));
}

describe('masthead options', () => {
  it('prints the mark top left, the running total and the print run', async () => {
    const d = exampleData();
    d.masthead.mark = '内部资料 注意保存';
    d.masthead.total = 456;
    d.distribution.copies = 120;
    const pdf = await build(d);
    const p1 = pdf.pages[0];
    const mark = p1.lines[0];
    expect(squash(mark.text)).toBe('内部资料注意保存');
    expect(mark.x0).toBeCloseTo(LEFT, 0);
    expect(mark.y).toBeLessThan(TOP + 30);
    expect(p1.lines.some((l) => squash(l.text) === '第38期（总第456期）')).toBe(true);
    const last = pdf.pages[pdf.pages.length - 1];
    const copies = last.lines.find((l) => squash(l.text).endsWith('共印120份'))!;
    expect(copies).toBeTruthy();
    expect(copies.x1).toBeCloseTo(RIGHT - 14, 0);
  });

  it('shrinks a title too wide for the type area, never below 26 pt', async () => {
    const d = exampleData();
    d.masthead.title = '延津县人民政府办公室政务信息快报';
    const pdf = await build(d);
    const title = pdf.pages[0].lines.find((l) => squash(l.text) === d.masthead.title)!;
    expect(title.items[0].size).toBeLessThan(42);
    expect(title.items[0].size).toBeGreaterThanOrEqual(26);
    expect(title.x0).toBeGreaterThanOrEqual(LEFT - 0.5);
    expect(title.x1).toBeLessThanOrEqual(RIGHT + 0.5);
  });
});

describe('end block', () => {
  it('moves whole to a new page when the last page has no room', async () => {
    const d = exampleData();
    // Two more lines in the last item leave its page too little room for the block.
    const last = d.sections[d.sections.length - 1].items[0];
    last.body = last.body.trim() + '\n\n' + '加强非物质文化遗产调查，深入挖掘非物质文化遗产中的优秀文化和时代意义。'.repeat(2);
    const pdf = await build(d);
    expect(pdf.pages.length).toBe(5);
    const lastPage = pdf.pages[4];
    // The new page holds the end block and its page number, and no body text.
    expect(lastPage.lines.filter((l) => Math.abs(l.items[0].size - 16) < 0.1)).toEqual([]);
    expect(lastPage.lines[0].text.startsWith('本期发')).toBe(true);
    expect(lastPage.lines.some((l) => l.text.includes('责任编辑'))).toBe(true);
    expect(pdf.pages[3].lines.some((l) => l.text.startsWith('本期发'))).toBe(false);
  });
});

describe('style', () => {
  it('merges a style file with the issue block, the issue winning', async () => {
    const d = exampleData();
    d.style = { folio: { position: 'none' } };
    const house = 'grid:\n  lines: 20\nfolio:\n  position: center\n';
    const dir = tempDir();
    writeFileSync(join(dir, 'house.yaml'), house);
    const src = writeIssue(dir, 'issue.yaml', d);
    const r = await cli(['build', src, '--style', join(dir, 'house.yaml')]);
    expect(withoutWarnings(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    const pdf = await readPdf(readFileSync(join(dir, 'issue.pdf')));
    // No page numbers (the issue said none), and the body on a 20-line grid (the file said so).
    for (const p of pdf.pages) expect(p.lines.some((l) => /^—\s*\d+\s*—$/.test(l.text.trim()))).toBe(false);
    const body = pdf.pages[1].lines.filter((l) => Math.abs(l.items[0].size - 16) < 0.1);
    const pitch = body[1].y - body[0].y;
    expect(pitch).toBeCloseTo((225 * MM) / 20, 1);
  });

  it('refuses a bad style value with its place in the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'house.yaml'), 'grid:\n  lines: many\n');
    const src = writeIssue(dir, 'issue.yaml', exampleData());
    const r = await cli(['build', src, '--style', join(dir, 'house.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('house.yaml:2:10: grid.lines:');
  });

  it('refuses sizes and margins that cannot make a page, naming the field', async () => {
    const dir = tempDir();
    const d = exampleData();
    d.style = { page: { left: 100, right: 100 }, size: { heading: 0 } };
    const src = writeIssue(dir, 'issue.yaml', d);
    let r = await cli(['build', src]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issue\.yaml:\d+:\d+: style\.size\.heading: must be between 4 and 200 pt, got 0\n/);
    d.style = { page: { left: 100, right: 100 } };
    writeIssue(dir, 'issue.yaml', d);
    r = await cli(['build', src]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issue\.yaml:\d+:\d+: style\.page: the type area is 10\.0 mm wide: the margins leave too little room for 16 pt text\n/);
  });
});

