// `build` over many inputs: expand, shard, map to outputs, build on workers (or here for
// one issue), report. Light on imports: the pipeline is loaded by whoever builds.
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import type { BuildOptions } from '../build-issue.js';
import type { Job, JobResult } from './build-one.js';
import { checkCollisions, expandInputs, outputFor, type Input } from './inputs.js';
import { runJobs } from './pool.js';
import { programTime } from './program-time.js';
import { Reporter, type Mode, type Summary } from './report.js';
import { inShard, type Shard } from './shard.js';
import { optionsKey, sameOptions, stampOptions } from './options-stamp.js';

export interface BatchRequest {
  args: string[];
  opts: BuildOptions;
  preview?: number;
  output?: string;
  outDir?: string;
  /** Threads building issues, this one included; default one a core (fewer for a small batch: workerCount). */
  jobs?: number;
  shard?: Shard;
  force?: boolean;
  mode: Mode;
  debug?: boolean;
  /** Check every PDF against its dependencies even for one named input (--watch). */
  incremental?: boolean;
  /** Leave out the "up to date" lines (the rebuilds of --watch). */
  hideSkipped?: boolean;
  cwd?: string;
}

export interface Plan {
  jobs: Job[];
  /** One input named on its own: built in this thread, reported as `build x.yaml` always was. */
  single: boolean;
  empty: string[];
  inputs: Input[];
}

export function plan(req: BatchRequest): Plan {
  const exclude = req.opts.styleFile ? [req.opts.styleFile] : [];
  const { inputs: all, empty, batch } = expandInputs(req.args, req.cwd, exclude);
  if (all.length === 0) throw new UsageError(`no issue files in ${req.args.join(' ')} (an issue file is a .yaml file with a top-level masthead: key)`);
  if (req.output && req.outDir) throw new UsageError('give either -o FILE (one input) or --out-dir DIR, not both');
  if (req.output && (all.length > 1 || batch)) throw new UsageError('-o names one output file; with several inputs use --out-dir');
  const inputs = all.filter((i) => inShard(i.rel, req.shard));
  const pairs = inputs.map((input) => ({ input, out: req.output ?? outputFor(input, req.outDir) }));
  checkCollisions(pairs);
  const single = !batch && all.length === 1 && !req.shard;
  // A clerk naming one issue wants it built; a batch builds what is out of date.
  let incremental = !req.force && (req.incremental || !single || !!req.outDir);
  if (incremental && req.outDir && !sameOptions(req.outDir, optionsKey(req.opts, req.preview))) incremental = false;
  const pt = incremental ? programTime() : 0;
  const jobs = pairs.map(({ input, out }, id) => ({ id, file: input.file, out, opts: req.opts, preview: req.preview, incremental, programTime: pt }));
  return { jobs, single, empty, inputs };
}

/**
 * Issues a worker thread must have to pay for itself. Its start (loading pdfkit and
 * fontkit; the face files it shares with this thread) costs about as much as building
 * 15 issues, and it starts while this thread is already building: with more than that, a
 * second thread finishes the batch sooner (bench/README.md).
 */
export const ISSUES_PER_WORKER = 15;

/**
 * Worker threads to start beside this thread, which builds too. `--jobs N` asks for N
 * threads in all; by default one a core, but no more than the batch pays for.
 */
export function workerCount(req: BatchRequest, n: number): number {
  const threads = req.jobs ?? Math.min(availableParallelism(), 1 + Math.floor(n / ISSUES_PER_WORKER));
  return Math.max(0, Math.min(threads, n) - 1);
}

export async function runBatch(req: BatchRequest): Promise<{ code: number; summary: Summary; results: JobResult[] }> {
  const p = plan(req);
  const mode = p.single && req.mode === 'bar' ? 'lines' : req.mode;
  const rep = new Reporter(mode, p.single, req.debug, process.stdout, process.stderr, !req.hideSkipped);
  if (mode !== 'json') for (const e of p.empty) process.stderr.write(`${e}: no issue files here\n`);
  rep.begin(p.jobs.length);
  const results = await runJobs(p.jobs, workerCount(req, p.jobs.length), { start: (j) => rep.start(j), done: (r) => rep.result(r) });
  const summary = rep.end(results, req.shard ? { shard: `${req.shard.k}/${req.shard.n}` } : {});
  if (req.outDir) stampOptions(req.outDir, optionsKey(req.opts, req.preview), summary.failed === 0);
  return { code: summary.failed ? 1 : 0, summary, results };
}
