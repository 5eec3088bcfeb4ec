// Whole-process benchmarks, side by side with the Typst peer in the same run (both see the
// same machine load): one issue, and 40 and 200 distinct issues in one command. Wall time (median
// of N runs, interleaved) and peak memory; ratios are what to quote.
//
//   npm run build && npm run bench -- [--peer DIR] [--runs N] [--jobs N] [--cases one,40,200]
//
// The peer is a prepared copy of the Typst peer folder (`npm ci && sh get-fonts.sh` done
// in it), named by --peer or YB_TYPST_PEER. Without it, only our side is measured.
// The issues come from the peer's gen_issues.py when the peer is there (so both sides
// set the same text), else from bench/gen-issues.mjs. Run on demand, never in CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIssues } from './gen-issues.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'bundle', 'bin.cjs');
const HOOK = join(ROOT, 'bench', 'rss-hook.cjs');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('runs', process.env.BENCH_RUNS ?? 7));
const JOBS = opt('jobs', undefined);
const peerArg = opt('peer', process.env.YB_TYPST_PEER);
const PEER = peerArg ? resolve(peerArg) : undefined;

if (!existsSync(CLI)) {
  console.error('bench: dist/bundle/bin.cjs is missing; run `npm run build` first');
  process.exit(2);
}

let peerOk = false;
if (!PEER) console.log('bench: no Typst peer (give --peer DIR or YB_TYPST_PEER); measuring yanjin-bulletin alone');
else if (!existsSync(join(PEER, 'node_modules', '@myriaddreamin')) || !existsSync(join(PEER, 'fonts'))) {
  console.log(`bench: ${PEER} is not a prepared Typst peer (run \`npm ci && sh get-fonts.sh\` in it); measuring yanjin-bulletin alone`);
} else peerOk = true;

const work = mkdtempSync(join(tmpdir(), 'yb-bench-'));
const SIZES = [40, 200];
// The peer reads only inside its own folder, so the shared issues live there.
const base = peerOk ? join(PEER, `bench-issues-${process.pid}`) : join(work, 'issues');
const folders = {};
for (const n of SIZES) {
  const dir = join(base, String(n));
  if (peerOk) {
    const r = spawnSync('python3', [join(PEER, 'gen_issues.py'), String(n), dir, '11', join(ROOT, 'examples', 'issue38.yaml')], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`bench: gen_issues.py failed:\n${r.stderr}`);
      process.exit(1);
    }
  } else makeIssues(n, dir);
  folders[n] = dir;
}
const issues = folders[40];
const yamls = readdirSync(issues).filter((f) => f.endsWith('.yaml')).sort();
const first = yamls[0];

/** Run one whole process; wall seconds and peak KiB. */
function measure(argv, cwd) {
  const rssFile = join(work, `rss-${process.hrtime.bigint()}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', HOOK, ...argv], { cwd, env: { ...process.env, YB_BENCH_RSS: rssFile }, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  rmSync(rssFile);
  return { s, mib: kib / 1024 };
}

const allCases = [
  {
    name: 'one issue',
    yb: () => measure([CLI, 'build', join(issues, first), '-o', join(work, 'one.pdf')], work),
    typst: () => measure([join(PEER, 'typst-one.mjs'), join(issues, first.replace(/\.yaml$/, '.json')), join(work, 'one-typst.pdf')], PEER),
  },
  ...SIZES.map((n) => ({
    name: `${n} issues, one command`,
    // --force: every run builds them all (the incremental check would skip them otherwise).
    yb: () => measure([CLI, 'build', folders[n], '--out-dir', join(work, `out-${n}`), '--force', '--quiet', ...(JOBS ? ['--jobs', JOBS] : [])], work),
    typst: () => measure([join(PEER, 'typst-batch.mjs'), folders[n], join(work, `out-typst-${n}`)], PEER),
  })),
];

// --cases one,40: just those (by the first word of their names).
const only = opt('cases', undefined)?.split(',');
const cases = only ? allCases.filter((c) => only.includes(c.name.split(' ')[0])) : allCases;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`bench: ${RUNS} runs a case, interleaved; ${availableParallelism()} cores; node ${process.version}; jobs ${JOBS ?? 'default'}`);
const rows = [];
try {
  for (const c of cases) {
    // One warm-up each (file cache), then the measured runs, alternating sides.
    c.yb();
    if (peerOk) c.typst();
    const yb = [];
    const ty = [];
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        yb.push(c.yb());
        if (peerOk) ty.push(c.typst());
      } else {
        if (peerOk) ty.push(c.typst());
        yb.push(c.yb());
      }
    }
    const row = {
      case: c.name,
      yb_s: median(yb.map((m) => m.s)),
      yb_mib: Math.max(...yb.map((m) => m.mib)),
      typst_s: peerOk ? median(ty.map((m) => m.s)) : undefined,
      typst_mib: peerOk ? Math.max(...ty.map((m) => m.mib)) : undefined,
    };
    rows.push(row);
  }
  for (const n of SIZES) if (cases.some((c) => c.name.startsWith(`${n} `)) && readdirSync(join(work, `out-${n}`)).filter((f) => f.endsWith('.pdf')).length !== n) throw new Error('not every issue was built');
} finally {
  if (peerOk) rmSync(base, { recursive: true, force: true });
}

const f = (x, d = 2) => (x === undefined ? '—' : x.toFixed(d));
console.log('');
console.log('| case | yanjin-bulletin s (median) | peak MiB | Typst s (median) | peak MiB | time ratio | memory ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  const tr = r.typst_s ? `${(r.yb_s / r.typst_s).toFixed(2)}×` : '—';
  const mr = r.typst_mib ? `${(r.yb_mib / r.typst_mib).toFixed(2)}×` : '—';
  console.log(`| ${r.case} | ${f(r.yb_s)} | ${f(r.yb_mib, 0)} | ${f(r.typst_s)} | ${f(r.typst_mib, 0)} | ${tr} | ${mr} |`);
}
const out = opt('json', undefined);
if (out) writeFileSync(out, JSON.stringify({ runs: RUNS, cores: availableParallelism(), node: process.version, rows }, null, 2));
rmSync(work, { recursive: true, force: true });
