// `build` over many inputs: expand, shard, map to outputs, build on workers (or here for
// one issue), report. Light on imports: the pipeline is loaded by whoever builds.
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import type { BuildOptions } from '../build-issue.js';
import type { Job, JobResult } from './build-one.js';
import { checkCollisions, expandInputs, outputFor, type Input } from './inputs.js';
import { runJobs } from './pool.js';
import { Reporter, type Mode, type Summary } from './report.js';
import { inShard, type Shard } from './shard.js';
import { findOrphans, pruneOrphans, recordFolders, recordName, recordReader, saveEntries, type Orphan, type RecordEntry } from './build-record.js';
import { dirname, relative } from 'node:path';

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
  /** Remove the PDFs whose issue file is gone (--prune); without it they are only reported. */
  prune?: boolean;
  /** Warnings fail an issue (--strict). */
  strict?: boolean;
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

function plan(req: BatchRequest): Plan {
  const exclude = req.opts.styleFile ? [req.opts.styleFile] : [];
  const { inputs: all, empty, batch } = expandInputs(req.args, req.cwd, exclude);
  if (req.output && req.outDir) throw new UsageError('give either -o FILE (one input) or --out-dir DIR, not both');
  if (req.output && (all.length > 1 || batch)) throw new UsageError('-o names one output file; with several inputs use --out-dir');
  const inputs = all.filter((i) => inShard(i.rel, req.shard));
  const pairs = inputs.map((input) => ({ input, out: req.output ?? outputFor(input, req.outDir) }));
  checkCollisions(pairs);
  const single = !batch && all.length === 1 && !req.shard;
  // A clerk naming one issue wants it built; a batch builds what is out of date.
  const incremental = !req.force && (req.incremental || !single || !!req.outDir);
  const recorded = recordReader();
  const jobs = pairs.map(({ input, out }, id) => ({ id, file: input.file, out, opts: req.opts, preview: req.preview, incremental, recorded: incremental && out !== '-' ? recorded(out) : undefined, strict: req.strict }));
  return { jobs, single, empty, inputs };
}

/**
 * Issues a worker thread must have to pay for itself. Its start (its own pdfkit and
 * fontkit, and its first issues, compiled cold) costs about a second, and on two cores the
 * two threads slow each other (V8's own threads compete for the cores too): measured, 40
 * issues build no faster on two threads than on one, 200 issues 5 % faster (bench/README.md).
 */
export const ISSUES_PER_WORKER = 100;

/**
 * Worker threads to start beside this thread, which builds too. `--jobs N` asks for N
 * threads in all; by default one a core, but no more than the batch pays for.
 */
export function workerCount(req: BatchRequest, n: number): number {
  // More threads than cores only add memory (122 workers took 3.2 GB): --jobs is capped.
  const threads = Math.min(req.jobs ?? 1 + Math.floor(n / ISSUES_PER_WORKER), availableParallelism());
  return Math.max(0, Math.min(threads, n) - 1);
}

export async function runBatch(req: BatchRequest): Promise<{ code: number; summary: Summary; results: JobResult[] }> {
  const p = plan(req);
  const mode = p.single && req.mode === 'bar' ? 'lines' : req.mode;
  // With the PDF on standard output (-o -), everything else is said on standard error.
  const rep = new Reporter(mode, p.single, req.debug, req.output === '-' ? process.stderr : process.stdout, process.stderr, !req.hideSkipped);
  if (mode !== 'json') for (const e of p.empty) process.stderr.write(`${e}: no issue files here\n`);
  const cores = availableParallelism();
  if (req.jobs !== undefined && req.jobs > cores && mode !== 'json') process.stderr.write(`notice: --jobs ${req.jobs} is more than the ${cores} cores here; building ${cores} issues at a time\n`);
  rep.begin(p.jobs.length);
  // Records are saved as PDFs are written (a few at a time), so a stopped run keeps what it built.
  const pending: Array<{ out: string; entry: RecordEntry }> = [];
  const flush = () => saveEntries(pending.splice(0), recordName(req.shard));
  const done = (r: JobResult) => {
    rep.result(r);
    // One issue named alone (without --out-dir) leaves no record beside it: it is always built.
    if (r.status === 'built' && r.record && (!p.single || req.outDir)) pending.push({ out: r.out, entry: r.record });
    if (pending.length >= 20) flush();
  };
  const results = await runJobs(p.jobs, workerCount(req, p.jobs.length), { start: (j) => rep.start(j), done });
  flush();
  const orphans = p.single ? [] : orphansOf(req, p);
  if (req.prune) pruneOrphans(orphans);
  const extra: Record<string, unknown> = req.shard ? { shard: `${req.shard.k}/${req.shard.n}` } : {};
  if (orphans.length) extra.orphans = orphans.map((o) => ({ pdf: o.pdf, input: o.input, removed: !!req.prune && o.recorded }));
  if (mode !== 'json') for (const o of orphans) {
    const [pdf, input] = [shown(o.pdf), shown(o.input)];
    const said = !o.recorded
      ? `${pdf}: its issue file ${input} is gone, and the PDF is not the one built from it; it is left as it is`
      : req.prune
        ? `${pdf}: removed, its issue file ${input} is gone`
        : `${pdf}: its issue file ${input} is gone (--prune removes the PDF)`;
    process.stderr.write(said + '\n');
  }
  const summary = rep.end(results, extra);
  return { code: summary.failed ? 1 : 0, summary, results };
}

/** A path as the user would name it: relative to the working folder when inside it. */
function shown(abs: string): string {
  const r = relative(process.cwd(), abs);
  return r && !r.startsWith('..') ? r : abs;
}

/** PDFs recorded beside this run's outputs (or anywhere under --out-dir) whose issue is gone. */
function orphansOf(req: BatchRequest, p: Plan): Orphan[] {
  const folders = p.jobs.filter((j) => j.out !== '-').map((j) => dirname(j.out));
  if (req.outDir) folders.push(...recordFolders(req.outDir));
  return findOrphans(folders);
}
