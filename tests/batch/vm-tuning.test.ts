// How V8 runs: a build of one issue without the optimising compiler (nothing compiled by
// TurboFan, as V8's own trace shows), a batch with it; the PDFs are the same either way.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from '../helpers/paths.js';
import { issueYaml, tree } from './fixtures.js';

const traced = (cwd: string, args: string[]) => {
  const r = spawnSync(process.execPath, ['--trace-opt', CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, YANJIN_BULLETIN_CACHE: 'off' } });
  expect(r.status, r.stderr).toBe(0);
  return (r.stdout.match(/completed compiling .*\(target TURBOFAN\)/g) ?? []).length;
};

describe('V8 tuning', () => {
  const issues = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${i + 1}.yaml`, issueYaml(i + 1)]));

  it('builds one issue without TurboFan, and a batch with it, to the same PDFs', () => {
    const root = tree(issues);
    expect(traced(root, ['build', 'i1.yaml', '-o', 'one.pdf'])).toBe(0);
    expect(traced(root, ['build', '.', '--out-dir', 'all', '--jobs', '1', '--quiet'])).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'one.pdf')).equals(readFileSync(join(root, 'all', 'i1.pdf')))).toBe(true);
  });
});
