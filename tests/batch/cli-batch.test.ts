// `build` over folders: --out-dir mirrors the tree, a failing issue stops no other,
// failures are listed at the end, exit codes, --json, --quiet, and --shard from outside.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, type CliResult } from '../helpers/cli.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { BAD_ISSUE, issueYaml, tree } from './fixtures.js';

const files = {
  'in/a/one.yaml': issueYaml(1),
  'in/a/two.yaml': issueYaml(2),
  'in/b/c/three.yaml': issueYaml(3),
  'in/b/bad.yaml': BAD_ISSUE,
  'in/house.yaml': 'size:\n  body: 15\n',
};

interface Report {
  built: number;
  failed: number;
  skipped: number;
  issues: { input: string; output: string; status: string; pages?: number; problems?: { field: string; line: number }[] }[];
}

let root: string;
let r: CliResult;

beforeAll(async () => {
  root = tree(files);
  r = await cli(['build', 'in', '--out-dir', 'out', '--jobs', '2'], { cwd: root });
});

describe('build FOLDER --out-dir DIR', () => {
  it('builds every issue below the folder into the mirrored tree, and no style file', async () => {
    for (const [rel, n] of [['a/one', 1], ['a/two', 2], ['b/c/three', 3]] as const) {
      const pdf = await readPdf(readFileSync(join(root, 'out', `${rel}.pdf`)));
      expect(squash(pdf.text)).toContain(`第${n}期要闻`);
    }
    expect(existsSync(join(root, 'out', 'house.pdf'))).toBe(false);
    expect(existsSync(join(root, 'out', 'b', 'bad.pdf'))).toBe(false);
  });

  it('goes on past a failing issue, lists it at the end with its messages, and exits 1', () => {
    expect(r.code).toBe(1);
    const tail = r.stderr.slice(r.stderr.indexOf('1 failed:'));
    // Every problem of the file, each naming it (the wording belongs to the validator).
    expect(tail).toMatch(/^in\/b\/bad\.yaml:\d+:\d+: masthead\.title: /m);
    expect(tail).toMatch(/^in\/b\/bad\.yaml:2:\d+: masthead\.issue: /m);
    expect(tail).toMatch(/^in\/b\/bad\.yaml:5:\d+: sections: /m);
  });

  it('says one line per issue and a summary line', () => {
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -1).sort()).toEqual([
      'in/b/bad.yaml: failed',
      expect.stringMatching(/^out\/a\/one\.pdf: 1 pages, \d+ KB$/),
      expect.stringMatching(/^out\/a\/two\.pdf: 1 pages, \d+ KB$/),
      expect.stringMatching(/^out\/b\/c\/three\.pdf: 1 pages, \d+ KB$/),
    ]);
    expect(lines.at(-1)).toMatch(/^built 3, failed 1, skipped 0 in \d+\.\d s$/);
  });
});

describe('reports', () => {
  it('--json gives every issue with its status, and the problems of a failure', async () => {
    const j = await cli(['build', 'in', '--out-dir', 'out-json', '--json', '--jobs', '1'], { cwd: root });
    expect(j.code).toBe(1);
    expect(j.stderr).toBe('');
    const rep = JSON.parse(j.stdout) as Report;
    expect([rep.built, rep.failed, rep.skipped]).toEqual([3, 1, 0]);
    expect(rep.issues.map((i) => [i.input, i.output, i.status])).toEqual([
      ['in/a/one.yaml', 'out-json/a/one.pdf', 'built'],
      ['in/a/two.yaml', 'out-json/a/two.pdf', 'built'],
      ['in/b/bad.yaml', 'out-json/b/bad.pdf', 'failed'],
      ['in/b/c/three.yaml', 'out-json/b/c/three.pdf', 'built'],
    ]);
    expect(rep.issues[2].problems?.map((p) => p.field).sort()).toEqual(['masthead.issue', 'masthead.title', 'sections']);
  });

  it('--quiet says nothing but the failures', async () => {
    const q = await cli(['build', 'in/b', '--out-dir', 'out-quiet', '--quiet', '--jobs', '1'], { cwd: root });
    expect(q.code).toBe(1);
    expect(q.stdout).toBe('');
    expect(q.stderr).toMatch(/^in\/b\/bad\.yaml:\d+:\d+: masthead\.title: /m);
    expect(existsSync(join(root, 'out-quiet', 'c', 'three.pdf'))).toBe(true);
  });

  it('one named file: its line alone, and exit 0', async () => {
    const one = await cli(['build', 'in/a/one.yaml', '-o', 'single.pdf'], { cwd: root });
    expect(one.stderr).toBe('');
    expect(one.stdout).toMatch(/^single\.pdf: 1 pages, \d+ KB\n$/);
    expect(one.code).toBe(0);
  });
});

describe('shards from the command line', () => {
  it('split the issues into disjoint parts that together cover them all', async () => {
    const parts = await Promise.all([1, 2, 3].map(async (k) => {
      const s = await cli(['build', 'in/a', 'in/b/c', '--shard', `${k}/3`, '--out-dir', `out-shard`, '--json', '--jobs', '1'], { cwd: root });
      expect(s.code).toBe(0);
      return (JSON.parse(s.stdout) as Report).issues.map((i) => i.input);
    }));
    expect(parts.flat().sort()).toEqual(['in/a/one.yaml', 'in/a/two.yaml', 'in/b/c/three.yaml']);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['in', '-o', 'x.pdf'], '-o names one output file'],
    [['in/a/one.yaml', '-o', 'x.pdf', '--out-dir', 'o'], 'not both'],
    [['in', '--jobs', '0'], '--jobs takes a whole number'],
    [['in', '--shard', '4/3'], '--shard takes K/N'],
    [['in/b/c/*.yml'], 'no issue files in in/b/c/*.yml'],
  ])('build %j', async (args, message) => {
    const u = await cli(['build', ...args], { cwd: root });
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(message);
  });
});
