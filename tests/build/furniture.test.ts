// The page furniture of FORMAT.md beyond the example: mark, running total, print run,
// long titles, the end block on a page of its own, and style overrides.
import { afterAll, describe, it, expect } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { exampleData, MINIMAL_ISSUE, tempDir, writeIssue } from '../helpers/variant.js';
import { layoutIssue, openFaces, prepareIssue } from '../../src/build-issue.js';
import { withoutWarnings } from '../helpers/warnings.js';

const MM = 72 / 25.4;
const LEFT = 28 * MM;
const RIGHT = (210 - 26) * MM;
const TOP = 37 * MM;
const BOTTOM = (297 - 35) * MM;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function build(data: Record<string, unknown>, extra: string[] = [], files: Record<string, string> = {}, warning?: RegExp) {
  const dir = tempDir();
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const src = writeIssue(dir, 'issue.yaml', data);
  const r = await cli(['build', src, ...extra]);
  expect(withoutWarnings(r.stderr)).toBe('');
  if (warning) expect(r.stderr).toMatch(warning);
  expect(r.code).toBe(0);
  return readPdf(readFileSync(join(dir, 'issue.pdf')));
}

/** Every glyph of every page inside the type area (page numbers aside). */
function inside(pdf: Awaited<ReturnType<typeof readPdf>>): void {
  for (const p of pdf.pages) {
    for (const l of p.lines) {
      if (/^—\s*\d+\s*—$/.test(l.text.trim())) continue;
      // A dash is drawn stretched from a little left of its origin so that —— joins.
      expect(l.x0).toBeGreaterThanOrEqual(LEFT - (l.text.startsWith('—') ? 1 : 0.5));
      expect(l.x1).toBeLessThanOrEqual(RIGHT + 8.5); // a closing mark's blank half may pass the edge
      expect(l.y).toBeGreaterThan(TOP);
      expect(l.y).toBeLessThan(BOTTOM);
    }
  }
}

describe('masthead options', () => {
  it('prints the mark top left, the running total and the print run', async () => {
    const d = exampleData();
    d.masthead.mark = '内部资料 注意保存';
    d.masthead.total = 456;
    d.distribution.copies = 120;
    // The mark's row leaves page 4 no room for the end block.
    const pdf = await build(d, [], {}, /warning: distribution: the end block stands alone on page 5/);
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
    const pdf = await build(d, [], {}, /issue\.yaml:\d+:\d+: warning: distribution: the end block stands alone on page 5: page 4 has no room for its 5\.0 lines; shorten the text or the distribution list to keep them together\n/);
    expect(pdf.pages.length).toBe(5);
    const lastPage = pdf.pages[4];
    // The new page holds the end block and its page number, and no body text.
    expect(lastPage.lines.filter((l) => Math.abs(l.items[0].size - 16) < 0.1)).toEqual([]);
    expect(lastPage.lines[0].text.startsWith('本期发')).toBe(true);
    expect(lastPage.lines.some((l) => l.text.includes('责任编辑'))).toBe(true);
    expect(pdf.pages[3].lines.some((l) => l.text.startsWith('本期发'))).toBe(false);
  });
});

describe('furniture that does not fit', () => {
  it('sets a title too long for one line at 26 pt on two centred lines', async () => {
    const d = exampleData();
    d.masthead.title = '延津县人民政府办公室政务信息与督查工作快报';
    const pdf = await build(d, [], {}, /warning: distribution: the end block stands alone/);
    const red = pdf.pages[0].lines.filter((l) => l.items[0].size > 20);
    expect(red.map((l) => squash(l.text))).toEqual(['延津县人民政府办公室', '政务信息与督查工作快报']);
    // The largest size at which both lines fit: 11 characters in 442 pt.
    expect(red[0].items[0].size).toBe(40);
    for (const l of red) expect((l.x0 + l.x1) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    inside(pdf);
  });

  it('refuses a title that two lines at the least size cannot hold, naming it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const d = exampleData();
    d.masthead.title = '延津县人民政府办公室政务信息与督查工作快报'.repeat(2);
    const r = await cli(['build', writeIssue(dir, 'issue.yaml', d)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issue\.yaml:2:10: masthead\.title: this text would run past the left edge of the type area on page 1/);
  });

  it('moves the date to its own line under a long publisher', async () => {
    const d = exampleData();
    d.masthead.publisher = '延津县乡村振兴和农业农村工作领导小组办公室';
    const pdf = await build(d, [], {}, /warning: distribution/);
    const lines = pdf.pages[0].lines;
    const pub = lines.findIndex((l) => squash(l.text) === d.masthead.publisher);
    expect(pub).toBeGreaterThan(0);
    expect(squash(lines[pub + 1].text)).toBe('2023年8月25日');
    expect(lines[pub + 1].x1).toBeCloseTo(RIGHT - 16, 0);
    inside(pdf);
  });

  it('keeps the spaces of the mark and wraps a mark longer than a line', async () => {
    const d = exampleData();
    d.masthead.mark = '内部资料 注意保存 ' + '不得外传'.repeat(8);
    const pdf = await build(d, [], {}, /warning: distribution/);
    const [first, second] = pdf.pages[0].lines;
    // One typed space is one character (16 pt) between 料 and 注.
    const liao = first.items.find((g) => g.str.includes('料'))!;
    const zhu = first.items.find((g) => g.str.includes('注'))!;
    const at = (g: typeof liao, ch: string) => g.x + (g.width / [...g.str].length) * [...g.str].indexOf(ch);
    expect(at(zhu, '注') - at(liao, '料')).toBeCloseTo(32, 0);
    expect(squash(first.text + second.text)).toBe(squash(d.masthead.mark));
    inside(pdf);
  });

  it('wraps a staff line with more entries than fit', async () => {
    const d = exampleData();
    d.staff = [...d.staff, ...d.staff];
    const pdf = await build(d);
    const last = pdf.pages[pdf.pages.length - 1];
    const staff = last.lines.filter((l) => l.text.includes('责任编辑'));
    expect(staff.length).toBe(2);
    inside(pdf);
  });

  it('flows a distribution list longer than a page over pages, every name kept', async () => {
    const d = exampleData();
    d.distribution.to = Array.from({ length: 200 }, (_, i) => `县直单位第${i + 1}科室`);
    const pdf = await build(d, [], {}, /issue\.yaml:\d+:\d+: warning: distribution: the distribution list runs over 3 pages \(5–7\)\n/);
    inside(pdf);
    const text = squash(pdf.pages.slice(4).flatMap((p) => p.lines.filter((l) => !/^—\s*\d+\s*—$/.test(l.text.trim())).map((l) => l.text)).join(''));
    let at = 0;
    for (const name of d.distribution.to as string[]) {
      at = text.indexOf(name, at);
      expect(at).toBeGreaterThan(-1);
    }
    expect(pdf.pages[6].lines.some((l) => l.text.includes('责任编辑'))).toBe(true);
  });

  it('breaks a run of dashes longer than a line between its pairs', async () => {
    const d = exampleData();
    d.sections[0].items[0].body = '测试' + '—'.repeat(60) + '结束。';
    const pdf = await build(d);
    inside(pdf);
    const lines = pdf.pages[0].lines.map((l) => squash(l.text));
    const at = lines.findIndex((t) => t.includes('测试'));
    expect([...lines[at + 1]].every((c) => c === '—')).toBe(true);
    expect(lines.slice(at, at + 4).join('')).toContain('测试' + '—'.repeat(60) + '结束。');
  });

});

describe('page numbers', () => {
  it('sets the top of the ink of the dash 7 mm below the type area', async () => {
    const pdf = await build(exampleData());
    const font = fontkit.openSync(join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')) as unknown as { glyphForCodePoint(cp: number): { bbox: { maxY: number } }; unitsPerEm: number };
    const inkTop = (font.glyphForCodePoint(0x2014).bbox.maxY / font.unitsPerEm) * 14;
    for (const [i, p] of pdf.pages.entries()) {
      const folio = p.lines.find((l) => squash(l.text) === `—${i + 1}—`)!;
      expect(folio.y - inkTop).toBeCloseTo(BOTTOM + 7 * MM, 1);
    }
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


describe('style values within their ranges that would put furniture off its place', () => {
  /** Build MINIMAL_ISSUE (its style block from line 10) with a style file; what it says, and whether a PDF came out. */
  async function refused(style: string, house?: string) {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'issue.yaml'), `${MINIMAL_ISSUE}${style ? `style:\n${style}` : ''}`);
    if (house) writeFileSync(join(dir, 'house.yaml'), house);
    const r = await cli(['build', 'issue.yaml', ...(house ? ['--style', 'house.yaml'] : [])], { cwd: dir });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'issue.pdf'))).toBe(false);
    return r.stderr;
  }

  it('refuses page numbers past the page, at the key that sends them there', async () => {
    expect(await refused('  folio: {gap: 100}\n')).toBe('issue.yaml:11:16: style.folio.gap: the page number would run past the bottom edge of page 1; make size.folio or folio.gap smaller, or page.bottom larger\n');
    expect(await refused('  size: {folio: 200}\n')).toBe('issue.yaml:11:17: style.size.folio: the page number would run past the left edge of page 1; make size.folio smaller\n');
    expect(await refused('', 'page:\n  bottom: 0\n')).toMatch(/^house\.yaml:2:11: page\.bottom: the page number would run past the bottom edge of page 1/);
  });

  it('is refused by validate just as by build: the issue is set onto pages, no PDF made', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'issue.yaml'), `${MINIMAL_ISSUE}style:\n  folio: {gap: 100}\n`);
    const r = await cli(['validate', 'issue.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('issue.yaml:11:16: style.folio.gap: the page number would run past the bottom edge of page 1; make size.folio or folio.gap smaller, or page.bottom larger\n');
    expect(existsSync(join(dir, 'issue.pdf'))).toBe(false);
  });

  it('refuses a masthead rule below the type area', async () => {
    expect(await refused('  masthead: {ruleGap: 200}\n')).toMatch(/^issue\.yaml:11:23: style\.masthead\.ruleGap: the red rule under the masthead would fall below the type area on page 1;/);
  });

  it('refuses type larger than a line of the grid for headings and the masthead lines', async () => {
    expect(await refused('  size: {heading: 60, publisher: 30}\n')).toBe(
      'issue.yaml:11:19: style.size.heading: 60 pt type does not fit a line of the grid (22 lines of 29.0 pt in 225.0 mm); at most 28.9 pt\n' +
        'issue.yaml:11:34: style.size.publisher: 30 pt type does not fit a line of the grid (22 lines of 29.0 pt in 225.0 mm); at most 28.9 pt\n',
    );
  });

  it('refuses end rules thick enough to overprint the end block, at the size and leading that set its room', async () => {
    expect(await refused('  end: {ruleOuter: 5}\n')).toBe("issue.yaml:11:20: style.end.ruleOuter: a 5.0 mm rule would overprint the end block's 14 pt lines at end.leading 1.5; at most 3.1 mm\n");
    expect(await refused('  end: {leading: 1, ruleInner: 3}\n')).toMatch(/^issue\.yaml:11:\d+: style\.end\.ruleInner: a 3\.0 mm rule would overprint the end block's 14 pt lines at end\.leading 1; at most 2\.5 mm\n$/);
  });

  it("sets a double rule's thick stroke 4 mm below the date line, as the single rule", async () => {
    const dir = tempDir();
    dirs.push(dir);
    const top = async (style: string) => {
      writeFileSync(join(dir, 'issue.yaml'), `${MINIMAL_ISSUE}style:\n  masthead: {ruleWidth: 20${style}}\n`);
      const p = prepareIssue(join(dir, 'issue.yaml'));
      const rules = layoutIssue(p, await openFaces(p)).pages[0].draws.filter((d) => d.kind === 'rule');
      return Math.min(...rules.map((r) => r.y - r.width / 2));
    };
    expect(await top(', doubleRule: true')).toBeCloseTo(await top(''), 6);
  });
});
