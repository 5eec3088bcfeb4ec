// `bind` checks the issues against each other before it writes anything: the same issue
// twice or a different page size refuses (naming the files), a gap in the numbering or a
// second year warns; and --recto and --contents items on one-page issues.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { issueYaml, tree } from '../batch/fixtures.js';

const roots: string[] = [];
const make = (files: Record<string, string>) => {
  const root = tree(files);
  roots.push(root);
  return root;
};
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('bind refuses', () => {
  it('the same issue twice, naming both places, and writes nothing', async () => {
    const root = make({ 'in/a.yaml': issueYaml(3), 'in/b.yaml': issueYaml(3), 'in/c.yaml': issueYaml(4) });
    const r = await cli(['bind', 'in', '-o', 'vol.pdf'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^in\/b\.yaml:3:\d+: masthead\.issue: 第 3 期 of 2024 is also in\/a\.yaml:3:\d+/m);
    expect(existsSync(join(root, 'vol.pdf'))).toBe(false);
  });

  it('issues of another page size, naming the file and the one it differs from', async () => {
    const root = make({ 'in/a.yaml': issueYaml(1), 'in/b.yaml': issueYaml(2, 'style:\n  page:\n    width: 200\n') });
    const r = await cli(['bind', 'in', '-o', 'vol.pdf'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^in\/b\.yaml: style: its page size \(200 × 297 mm\) differs from in\/a\.yaml's \(210 × 297 mm\)/m);
    expect(existsSync(join(root, 'vol.pdf'))).toBe(false);
  });

  it('an unknown --contents depth, as a usage error', async () => {
    const root = make({ 'in/a.yaml': issueYaml(1) });
    const r = await cli(['bind', 'in', '-o', 'vol.pdf', '--contents', 'pages'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--contents takes issues, sections, items, not "pages"');
  });
});

describe('bind --recto --contents items', () => {
  it('warns of a gap and a second year, starts every issue on a recto, and lists the items', async () => {
    const root = make({
      'in/a.yaml': issueYaml(1),
      'in/b.yaml': issueYaml(2),
      'in/c.yaml': issueYaml(5),
      'in/d.yaml': issueYaml(9).replace('date: 2024-', 'date: 2023-'),
    });
    const r = await cli(['bind', 'in', '-o', 'vol.pdf', '--recto', '--contents', 'items'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^in\/c\.yaml:3:\d+: warning: 第 3–4 期 are missing between in\/b\.yaml \(第 2 期\) and this issue \(第 5 期\)$/m);
    expect(r.stderr).toMatch(/^in\/a\.yaml:5:\d+: warning: the volume spans 2023, 2024: this is the first issue of 2024$/m);

    const vol = await readPdf(readFileSync(join(root, 'vol.pdf')));
    const folio = (i: number) => /^—(\d+)—$/.exec(vol.pages[i].lines.map((l) => squash(l.text)).find((t) => /^—\d+—$/.test(t)) ?? '')?.[1];
    // In volume order: 2023 first. Each issue is one page, then a blank verso.
    const order = ['第9期', '第1期', '第2期', '第5期'];
    const at = order.map((n) => vol.pages.findIndex((p) => p.lines.some((l) => squash(l.text) === n)));
    const front = at[0];
    expect(at).toEqual([front, front + 2, front + 4, front + 6]);
    expect(at.map(folio)).toEqual(['1', '3', '5', '7']);
    expect(front % 2).toBe(0);
    for (const blank of [front + 1, front + 3, front + 5]) expect(vol.pages[blank].text).toBe('');
    const contents = vol.pages.slice(0, front).flatMap((p) => p.lines.map((l) => squash(l.text)));
    expect(contents).toEqual(expect.arrayContaining([expect.stringMatching(/^第9期要闻…+1$/), expect.stringMatching(/^第5期要闻…+7$/)]));
  });
});
