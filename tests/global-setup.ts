// Tests that run the command as a process run the built one (dist/), so build it before
// they start: compile, then bundle. Skipped when the build is newer than every file it is
// made from (as after `npm run build`): compiling takes longer than many of the tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/paths.js';

export default function setup(): () => void {
  // One folder for the whole run, which the test processes inherit as TMPDIR: each file's
  // own (tests/temp-root.ts) is made in it, and what a file whose tests were all skipped
  // leaves (its afterAll does not run) goes with it at the end.
  const outer = process.env.TMPDIR;
  const run = mkdtempSync(join(tmpdir(), 'yb-run-'));
  process.env.TMPDIR = run;
  if (!upToDate()) {
    execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', ROOT], { stdio: 'inherit' });
    execFileSync(process.execPath, [`${ROOT}/scripts/bundle.mjs`], { stdio: 'inherit', cwd: ROOT });
  }
  return () => {
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    rmSync(run, { recursive: true, force: true, maxRetries: 3 });
  };
}

function upToDate(): boolean {
  const built = ['bin.cjs', 'worker.cjs'].map((f) => mtime(join(ROOT, 'dist', 'bundle', f)));
  const sources = [...files(join(ROOT, 'src')), ...['package.json', 'tsconfig.json', 'scripts/bundle.mjs'].map((f) => join(ROOT, f))];
  return Math.min(...built) > Math.max(...sources.map(mtime));
}

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* files(join(dir, e.name));
    else yield join(dir, e.name);
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -Infinity;
  }
}
