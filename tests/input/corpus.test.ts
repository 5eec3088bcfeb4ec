// The corpus of bad issue files: each tests/input/cases/NAME.yaml must make `validate`
// print exactly NAME.err (every problem, located, sorted by position) and exit 1.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, mkdtempSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli, type CliResult } from '../helpers/cli.js';

const CASES = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const names = readdirSync(CASES)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** stderr of one run over all files, split back into each file's lines (hints stay with their problem). */
function byFile(stderr: string): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  for (const line of stderr.split('\n')) {
    if (!line) continue;
    const m = /^([\w.-]+\.yaml)(:|$)/.exec(line);
    if (m) current = m[1];
    out.set(current, (out.get(current) ?? '') + line + '\n');
  }
  return out;
}

let all: CliResult;
let stderrOf: Map<string, string>;

beforeAll(async () => {
  // One process for the whole corpus keeps the test fast; the split is by file name.
  all = await cli(['validate', ...names], { cwd: CASES });
  stderrOf = byFile(all.stderr);
});

describe('every bad input has its exact message', () => {
  it('has a corpus', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const n of names) expect(existsSync(join(CASES, n.replace(/\.yaml$/, '.err'))), `${n} has no .err`).toBe(true);
  });

  it('fails as a whole, with nothing on stdout and no stack trace', () => {
    expect(all.code).toBe(1);
    expect(all.stdout).toBe('');
    expect(all.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  for (const name of names) {
    it(name, () => {
      const expected = readFileSync(join(CASES, name.replace(/\.yaml$/, '.err')), 'utf8');
      expect(stderrOf.get(name)).toBe(expected);
    });
  }
});

describe('one file alone', () => {
  it('exits 1 with the same message', async () => {
    const r = await cli(['validate', 'many-problems.yaml'], { cwd: CASES });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(readFileSync(join(CASES, 'many-problems.err'), 'utf8'));
  });

  it('build stops on the same problems and writes no PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yb-corpus-'));
    copyFileSync(join(CASES, 'many-problems.yaml'), join(dir, 'many-problems.yaml'));
    const r = await cli(['build', 'many-problems.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(readFileSync(join(CASES, 'many-problems.err'), 'utf8'));
    expect(readdirSync(dir)).toEqual(['many-problems.yaml']);
  });

  it('a shared style file is checked with the issue, its problems named by its own path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yb-corpus-'));
    copyFileSync(join(CASES, 'unknown-key.yaml'), join(dir, 'issue.yaml'));
    writeFileSync(join(dir, 'house.yaml'), 'page:\n  widht: 210\nfolio:\n  position: 外侧\n');
    const r = await cli(['validate', 'issue.yaml', '--style', 'house.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      'house.yaml:2:3: page: unknown key "widht" (did you mean "width"?)\n' +
        'house.yaml:4:13: folio.position: must be one of "outside", "center", "none", got text ("外侧")\n' +
        'issue.yaml:9:9: sections[0].items[0]: unknown key "titel" (did you mean "title"?)\n' +
        'issue.yaml:11:9: sections[0].items[0]: unknown key "sorce" (did you mean "source"?)\n',
    );
    expect(r.code).toBe(1);
  });

  it('a valid file passes: exit 0, "ok" on stdout, nothing on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yb-corpus-'));
    const good = readFileSync(join(CASES, 'many-problems.yaml'), 'utf8')
      .replace('titel:', 'title:')
      .replace('issue: 0', 'issue: 39')
      .replace('2023-02-29', '2024-02-29')
      .replace('title: 2023', "title: '2023'")
      .replace('body: ""', 'body: 正文。')
      .replace('nmae:', 'name:');
    writeFileSync(join(dir, 'good.yaml'), good);
    const r = await cli(['validate', 'good.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('good.yaml: ok\n');
    expect(r.code).toBe(0);
  });
});

