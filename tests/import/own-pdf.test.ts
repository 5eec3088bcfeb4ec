// `import` of text copied out of one of our own PDFs, as the usual tools copy it: the
// page numbers between the lines of the staff line, a `。` alone on a line after a page
// break. The issue must come back the same: 4 pages, not 5, and no item made of the
// staff line's pieces. Each tool is a case of its own, skipped (saying why) where the tool
// is not installed; .ci/run installs them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;

const TOOLS: Array<{ name: string; available: boolean; toText: (pdf: string, txt: string) => void }> = [
  { name: 'pdftotext (poppler-utils)', available: has('pdftotext'), toText: (pdf, txt) => execFileSync('pdftotext', [pdf, txt]) },
  { name: 'mutool draw -F txt (mupdf-tools)', available: has('mutool'), toText: (pdf, txt) => execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', txt, pdf]) },
];

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yb-ownpdf-'));
  const r = await cli(['build', EXAMPLE, '-o', join(dir, 'issue38.pdf')]);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The data with the spaces between Chinese and digits or Latin taken out: the typesetter sets that gap whether typed or not, so a PDF cannot say whether it was. */
function normalized(data: unknown): unknown {
  if (typeof data === 'string') return data.replace(/(?<=[^\x00-\x7f]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[^\x00-\x7f])/g, '');
  if (Array.isArray(data)) return data.map(normalized);
  if (data && typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, normalized(v)]));
  return data;
}

describe('import of the text of our own issue38.pdf', () => {
  for (const tool of TOOLS) {
    it.skipIf(!tool.available)(`${tool.name}: the same issue comes back, and builds to the same 4 pages${tool.available ? '' : ' (skipped: the tool is not installed)'}`, async () => {
      const stem = tool.name.split(' ')[0];
      const txt = join(dir, `${stem}.txt`);
      const yaml = join(dir, `${stem}.yaml`);
      tool.toText(join(dir, 'issue38.pdf'), txt);
      const imported = await cli(['import', txt, '-o', yaml]);
      expect(imported.code).toBe(0);
      const back = parse(readFileSync(yaml, 'utf8'));
      const original = parse(readFileSync(EXAMPLE, 'utf8'));
      expect(back.staff).toEqual([
        { role: '责任编辑', name: '李勉' },
        { role: '审核', name: '原超俊' },
        { role: '签发', name: '麻彦伟' },
      ]);
      expect(normalized(back)).toEqual(normalized(original));
      const built = await cli(['build', yaml, '-o', join(dir, `${stem}.pdf`)]);
      expect(built.code).toBe(0);
      const [a, b] = await Promise.all([readPdf(readFileSync(join(dir, 'issue38.pdf'))), readPdf(readFileSync(join(dir, `${stem}.pdf`)))]);
      expect(b.pages.length).toBe(4);
      expect(squash(b.text)).toBe(squash(a.text));
    });
  }

  it('a 。 alone on a line after a page break, and a page number inside the staff line (as pdftotext copies them)', async () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'issue38.txt'), 'utf8')
      .replace('目前，共检修机械63台（套）。', '目前，共检修机械63台（套）\n\n— 3 —\n\n。')
      .replace(/责任编辑：李\s*勉/, '责任编辑：李\n— 4 —\n\n勉\n');
    writeFileSync(join(dir, 'cut.txt'), text);
    const r = await cli(['import', join(dir, 'cut.txt'), '-o', join(dir, 'cut.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"勉" was read as the rest of the name of 责任编辑 (李勉)');
    const back = parse(readFileSync(join(dir, 'cut.yaml'), 'utf8'));
    expect(back.sections[2].items[0].body.trimEnd().endsWith('目前，共检修机械63台（套）。')).toBe(true);
    expect(back.sections.at(-1).items).toHaveLength(1);
    expect(back.staff.map((s: { name: string }) => s.name)).toEqual(['李勉', '原超俊', '麻彦伟']);
  });
});
