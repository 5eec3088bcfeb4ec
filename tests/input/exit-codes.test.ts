// Exit codes: 0 success, 1 an input or render error, 2 a usage error; a stack trace only
// with --debug (an internal error is provoked by a fault injected at start-up).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli } from '../helpers/cli.js';
import { MINIMAL_ISSUE } from '../helpers/variant.js';
import { CLI } from '../helpers/paths.js';
import { withoutWarnings } from '../helpers/warnings.js';

const GOOD = MINIMAL_ISSUE;
const STACK = /\n\s+at /;

let dir: string;
const run = (...args: string[]) => cli(args, { cwd: dir });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-exit-'));
  writeFileSync(join(dir, 'good.yaml'), GOOD);
  writeFileSync(join(dir, 'bad.yaml'), GOOD.replace('issue: 38', 'issue: -1'));
  // Date.UTC is first called while checking the date: failing there is a stand-in for any bug.
  writeFileSync(join(dir, 'fault.mjs'), "Date.UTC = () => { throw new Error('injected fault'); };\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('0: success', () => {
  it('validate of valid files (a file named twice is checked once, as build builds it once)', async () => {
    const r = await run('validate', 'good.yaml', 'good.yaml');
    expect(r.stdout).toBe('good.yaml: ok\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('1: input errors', () => {
  it('one bad file among good ones fails the run, and the good ones are still checked', async () => {
    writeFileSync(join(dir, 'good2.yaml'), GOOD);
    const r = await run('validate', 'good.yaml', 'bad.yaml', 'good2.yaml');
    expect(r.stdout).toBe('good.yaml: ok\ngood2.yaml: ok\n');
    expect(r.stderr).toBe('bad.yaml:3:10: masthead.issue: must be 1 or more, got -1\n');
    expect(r.code).toBe(1);
  });

  it('build of a bad file', async () => {
    const r = await run('build', 'bad.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:3:10: masthead.issue: must be 1 or more, got -1\n');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('2: usage errors', () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['validate'], /missing required argument/],
    [['validate', '--frobnicate', 'good.yaml'], /unknown option '--frobnicate'/],
    [['build', 'good.yaml', '--color', 'purple'], /--color takes rgb or cmyk, not "purple"/],
    [[], /Usage: yanjin-bulletin/],
  ];
  for (const [args, message] of cases) {
    it(`yanjin-bulletin ${args.join(' ')}`, async () => {
      const r = await run(...args);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(2);
    });
  }

  it('--help is not an error', async () => {
    const r = await run('--help');
    expect(r.stdout).toMatch(/Usage: yanjin-bulletin/);
    expect(r.code).toBe(0);
  });
});

describe('a reader that stops early', () => {
  it('(validate … | head -1) ends quietly, without an EPIPE stack', () => {
    const files = Array(300).fill('good.yaml').join(' ');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" validate ${files} | head -1`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toBe('good.yaml: ok\n');
    expect(r.stderr).toBe('');
  });
});

describe('internal errors', () => {
  const faulty = (...args: string[]) => cli(args, { cwd: dir, env: { NODE_OPTIONS: `--import=${join(dir, 'fault.mjs')}` } });

  it('say so, without a stack trace, and exit 1', async () => {
    const r = await faulty('validate', 'good.yaml');
    expect(r.stderr).toBe('yanjin-bulletin: internal error: injected fault\n(run again with --debug for the details, and report it)\n');
    expect(r.code).toBe(1);
  });

  it('show the stack with --debug', async () => {
    const r = await faulty('validate', 'good.yaml', '--debug');
    expect(r.stderr).toMatch(/^yanjin-bulletin: internal error: injected fault\nError: injected fault\n\s+at /);
    expect(r.code).toBe(1);
  });
});
