// Is memory flat over a long batch? Two views, run on demand (a few minutes):
//  1. in one thread, the heap after a full GC and the resident size every 100 issues over
//     1,000 builds (the same code a worker runs): flat means no growth per issue;
//  2. the whole command's peak resident memory for 300 and for 1,000 issues (the first
//     couple of hundred fill the glyph caches; after that, flat means the same peak).
//
//   npm run build && node bench/memory.mjs [--issues 1000] [--jobs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeIssues } from './gen-issues.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'bundle', 'bin.cjs');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt('issues', 1000));
const JOBS = opt('jobs', undefined);
const mib = (b) => (b / 1048576).toFixed(1);

if (process.argv.includes('--child')) {
  // View 1, in a process of its own started with --expose-gc.
  const dir = opt('dir');
  const { buildOne } = await import(pathToFileURL(join(ROOT, 'dist', 'batch', 'build-one.js')).href);
  const files = [...Array(N).keys()].map((i) => join(dir, `issue${String(i + 1).padStart(4, '0')}.yaml`));
  const out = join(dir, 'out.pdf');
  console.log('| issues built | heap after GC MiB | resident MiB | ms per issue (last 100) |');
  console.log('|---|---|---|---|');
  let t = performance.now();
  for (let i = 0; i < files.length; i++) {
    const r = await buildOne({ id: i, file: files[i], out, opts: {}, incremental: false, programTime: 0 });
    if (r.status !== 'built') throw new Error(r.message);
    if ((i + 1) % 100 === 0 || i === 0) {
      global.gc();
      const m = process.memoryUsage();
      const now = performance.now();
      console.log(`| ${i + 1} | ${mib(m.heapUsed)} | ${mib(m.rss)} | ${((now - t) / (i === 0 ? 1 : 100)).toFixed(0)} |`);
      t = performance.now();
    }
  }
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'yb-mem-'));
try {
  console.log(`generating ${N} issues…`);
  makeIssues(N, join(work, 'all'));
  const SMALL = Math.min(300, N);
  makeIssues(SMALL, join(work, 'small'));

  console.log(`\n1. one thread, ${N} issues one after the other\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', '--dir', join(work, 'all'), '--issues', String(N)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);

  console.log(`\n2. whole command, peak resident memory (jobs ${JOBS ?? 'default'})\n`);
  console.log('| issues | wall s | peak MiB |');
  console.log('|---|---|---|');
  const hook = join(ROOT, 'bench', 'rss-hook.cjs');
  for (const [n, dir] of [[SMALL, 'small'], [N, 'all']]) {
    const rss = join(work, `rss-${n}`);
    const t0 = performance.now();
    const c = spawnSync(process.execPath, ['--require', hook, CLI, 'build', join(work, dir), '--out-dir', join(work, `out-${n}`), '--force', '--quiet', ...(JOBS ? ['--jobs', JOBS] : [])], {
      env: { ...process.env, YB_BENCH_RSS: rss },
      encoding: 'utf8',
    });
    if (c.status !== 0) throw new Error(c.stderr);
    const kib = Number(readFileSync(rss, 'utf8').trim().split('\n').pop());
    console.log(`| ${n} | ${((performance.now() - t0) / 1000).toFixed(1)} | ${(kib / 1024).toFixed(0)} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
