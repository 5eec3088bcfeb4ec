// The command line as CI and clerks use it: pipes (-o -, build -), outputs that are not
// PDFs refused, validate taking what build takes, --jobs capped, usage errors in JSON.
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { CLI, EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { issueYaml } from '../batch/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'yb-cmdline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command with bytes on standard input and standard output kept as bytes (a pipe). */
function piped(args: string[], input?: Buffer | string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

describe('pipes', () => {
  it('-o - writes the PDF to standard output, and nothing else there', async () => {
    const r = piped(['build', EXAMPLE, '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    expect(squash((await readPdf(r.stdout)).text)).toContain('延津政务快报');
    expect(r.stderr).toContain('(standard output): 4 pages');
  });

  it('build - reads the issue from standard input; without -o the PDF goes to standard output', async () => {
    const r = piped(['build', '-'], readFileSync(EXAMPLE));
    expect(r.code).toBe(0);
    expect(squash((await readPdf(r.stdout)).text)).toContain('第38期');
    const o = piped(['build', '-', '-o', 'piped.pdf'], issueYaml(7));
    expect(o.code).toBe(0);
    expect(squash((await readPdf(readFileSync(join(dir, 'piped.pdf')))).text)).toContain('第7期要闻');
  });

  it('validate - checks the issue on standard input', () => {
    const ok = piped(['validate', '-'], readFileSync(EXAMPLE));
    expect(ok.code).toBe(0);
    expect(ok.stdout.toString()).toBe('<stdin>: ok (1 warning)\n');
    expect(ok.stderr).toContain('<stdin>:14:65: warning: sections[0].items[0].body: "辦" is a traditional form');
  });

  it('names standard input in the problems of an issue read from it', async () => {
    const r = piped(['build', '-', '-o', 'bad.pdf'], 'masthead:\n  title: 快报\n  issue: x\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<stdin>:3:10: masthead.issue: expected a number');
    expect(existsSync(join(dir, 'bad.pdf'))).toBe(false);
  });
});

describe('outputs that are not a PDF', () => {
  it('-o x.png is refused, pointing at --preview', async () => {
    const r = await cli(['build', EXAMPLE, '-o', join(dir, 'x.png')]);
    expect([r.code, r.stderr]).toEqual([2, `yanjin-bulletin: -o names the PDF to write, and "${join(dir, 'x.png')}" does not end in .pdf (for page images use --preview)\n`]);
    expect(existsSync(join(dir, 'x.png'))).toBe(false);
  });

  it('build in.yaml out.pdf says to name the output with -o', async () => {
    const r = await cli(['build', 'in.yaml', 'out.pdf'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, 'yanjin-bulletin: "out.pdf" is a PDF, not an issue file; to name the output use -o: yanjin-bulletin build in.yaml -o out.pdf\n']);
  });
});

describe('validate takes what build takes', () => {
  const root = join(dir, 'v');
  mkdirSync(join(root, '2023'), { recursive: true });
  mkdirSync(join(root, '2024'), { recursive: true });
  writeFileSync(join(root, '2023', 'a.yaml'), issueYaml(1));
  writeFileSync(join(root, '2023', 'b.yaml'), 'masthead:\n  title: 快报\n  issue: x\n');
  writeFileSync(join(root, '2024', 'c.yaml'), issueYaml(3, '  - heading: "[安全生产]"\n    items:\n      - body: 正文。'));
  writeFileSync(join(root, 'house.yaml'), 'size:\n  body: 15\n');

  it('a folder: every issue, the failing one not stopping the others', async () => {
    const r = await cli(['validate', 'v'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('v/2023/a.yaml: ok\nv/2024/c.yaml: ok (1 warning)\n');
    expect(r.stderr).toContain('v/2023/b.yaml:3:10: masthead.issue: expected a number');
    expect(r.stderr).toContain('v/2024/c.yaml:12:14: warning: sections[1].heading: the heading is typed in brackets');
  });

  it('a glob with braces across folders; --quiet says only problems and warnings', async () => {
    const r = await cli(['validate', '--quiet', 'v/{2023/a,2024/*}.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('v/2024/c.yaml:12:14: warning: sections[1].heading: the heading is typed in brackets, so it prints 【[安全生产]】');
  });

  it('--json: one report, every file with its problems and warnings', async () => {
    const r = await cli(['validate', '--json', 'v'], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ valid: 2, invalid: 1, warnings: 1 });
    expect(j.files.map((f: { input: string; status: string }) => [f.input, f.status])).toEqual([
      ['v/2023/a.yaml', 'ok'],
      ['v/2023/b.yaml', 'invalid'],
      ['v/2024/c.yaml', 'ok'],
    ]);
    expect(j.files[1].problems).toContainEqual(expect.objectContaining({ line: 3, col: 10, field: 'masthead.issue' }));
  });
});

describe('usage errors', () => {
  it('with --json, are reported as JSON on standard output', async () => {
    const r = await cli(['validate', '--json', '--bogus', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: 'usage', message: "unknown option '--bogus'" });
    const b = await cli(['build', '--json', 'x.yaml', '-o', 'x.png']);
    expect(b.code).toBe(2);
    expect(JSON.parse(b.stdout)).toEqual({ error: 'usage', message: '-o names the PDF to write, and "x.png" does not end in .pdf (for page images use --preview)' });
  });

  it('without --json, as text on standard error', async () => {
    const r = await cli(['build', '--bogus', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: unknown option '--bogus'");
  });
});

describe('--jobs', () => {
  it('above the number of cores is capped, with a notice', async () => {
    const root = join(dir, 'jobs');
    mkdirSync(root);
    for (const n of [1, 2, 3]) writeFileSync(join(root, `i${n}.yaml`), issueYaml(n));
    const r = await cli(['build', 'jobs', '--out-dir', 'jobs-pdf', '--jobs', '122'], { cwd: dir });
    expect(r.code).toBe(0);
    const cores = availableParallelism();
    expect(r.stderr).toContain(`notice: --jobs 122 is more than the ${cores} cores here; building ${cores} issues at a time`);
    expect(r.stdout).toMatch(/built 3, failed 0, skipped 0/);
  });
});
