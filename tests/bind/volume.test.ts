// `bind` end to end: five issues (34–37 generated, 38 the example) into one volume, read
// back as a reader would: the contents' page numbers are where each masthead is, the page
// numbers run on without a gap, one bookmark per issue with its sections below it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, type CliResult } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash, type PdfPage, type PdfRead } from '../helpers/read-pdf.js';
import { backIssues, FIRST, LAST } from './fixtures.js';

const NUMBERS = Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
const FOLIO = /^—(\d+)—$/;

let root: string;
let r: CliResult;
let bytes: Buffer;
let vol: PdfRead;

beforeAll(async () => {
  root = backIssues().root;
  r = await cli(['bind', 'in', '-o', 'vol.pdf'], { cwd: root, env: { SOURCE_DATE_EPOCH: '' } });
  bytes = readFileSync(join(root, 'vol.pdf'));
  vol = await readPdf(bytes);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The printed page number of a page, if it has one. */
function folio(page: PdfPage): number | undefined {
  const line = page.lines.map((l) => squash(l.text)).find((t) => FOLIO.test(t));
  return line ? Number(FOLIO.exec(line)![1]) : undefined;
}

/** The page (index) whose masthead carries issue n's issue line. */
function mastheadPage(n: number): number {
  return vol.pages.findIndex((p) => p.lines.some((l) => squash(l.text) === `第${n}期`));
}

/** Contents lines of the issues, before the first masthead: 第34期2023年7月28日…………1 → 34 → 1. */
function contents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of vol.pages.slice(0, mastheadPage(FIRST)))
    for (const l of p.lines) {
      const m = /^第(\d+)期(?:（总第\d+期）)?\d+年\d+月\d+日…+(\d+)$/.exec(squash(l.text));
      if (m) out.set(Number(m[1]), Number(m[2]));
    }
  return out;
}

describe('bind in/ -o vol.pdf', () => {
  it('binds without a word on stderr and says what it made', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^vol\.pdf: 5 issues, \d+ pages, \d+ KB in \d+\.\d s\n$/);
  });

  it('opens with the title page and the contents, every issue listed in order', () => {
    expect(squash(vol.pages[0].text)).toContain('《延津政务快报》2023年合订本');
    expect(squash(vol.pages[0].text)).toContain(`第${FIRST}—${LAST}期`);
    expect(squash(vol.pages[1].text)).toMatch(/^目录/);
    expect([...contents().keys()]).toEqual(NUMBERS);
  });

  it('gives each issue in the contents the page number printed where its masthead is', () => {
    const listed = contents();
    for (const n of NUMBERS) {
      const at = mastheadPage(n);
      expect(at, `masthead of 第 ${n} 期`).toBeGreaterThan(1);
      expect(folio(vol.pages[at]), `page of 第 ${n} 期`).toBe(listed.get(n));
    }
    expect(listed.get(FIRST)).toBe(1);
  });

  it('lists each section under its issue with the page its heading is on', () => {
    const lines = vol.pages.slice(1, mastheadPage(FIRST)).flatMap((p) => p.lines.map((l) => squash(l.text)));
    const at = lines.findIndex((t) => t.startsWith(`第${LAST}期`));
    const first = /^(.+?)…+(\d+)$/.exec(lines[at + 1])!;
    const page = vol.pages.find((p) => folio(p) === Number(first[2]))!;
    expect(page.lines.map((l) => squash(l.text))).toContain(`【${first[1]}】`);
  });

  it('numbers the pages from 1 on the first masthead, on without a gap to the last page', () => {
    const start = mastheadPage(FIRST);
    // The front matter fills an even number of pages (page 1 is a recto) and is unnumbered.
    expect(start % 2).toBe(0);
    expect(vol.pages.slice(0, start).map(folio).every((n) => n === undefined)).toBe(true);
    const numbers = vol.pages.slice(start).map(folio);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('has one bookmark per issue, its sections below it, after one for the contents', () => {
    expect(vol.outline.map((o) => o.title)).toEqual(['目录', ...NUMBERS.map((n) => expect.stringMatching(new RegExp(`^第 ${n} 期　2023 年`)))]);
    const example = parse(readFileSync(EXAMPLE, 'utf8')) as { sections: { heading: string }[] };
    expect(vol.outline.at(-1)!.children).toEqual(example.sections.map((s) => s.heading));
  });

  it('gives the same bytes for the same issues', async () => {
    const again = await cli(['bind', 'in', '-o', 'again.pdf', '-q'], { cwd: root, env: { SOURCE_DATE_EPOCH: '' } });
    expect(again.code).toBe(0);
    expect(readFileSync(join(root, 'again.pdf')).equals(bytes)).toBe(true);
  });
});
