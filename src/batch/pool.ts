// Run jobs on this thread and `workers` worker threads, reporting each as it starts and
// ends. This thread starts building at once while the workers load; each thread takes
// the next job when it is free. A worker that dies fails its job only; the others go on.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Worker as WorkerType } from 'node:worker_threads';
import type { Job, JobResult } from './build-one.js';

export interface PoolEvents {
  start?(job: Job): void;
  done(result: JobResult): void;
}

/** What the pool sends a worker: a job. */
export interface WorkerMessage {
  job: Job;
}

/** The worker's script: dist/batch/worker.js, or the bundle's own in dist/bundle/. */
const WORKER = new URL(import.meta.url.endsWith('.cjs') ? './worker.cjs' : './worker.js', import.meta.url);

export async function runJobs(jobs: Job[], workers: number, ev: PoolEvents): Promise<JobResult[]> {
  // A worker runs the built program: run from the sources (under a test runner), this
  // thread builds alone.
  if (workers > 0 && !existsSync(fileURLToPath(WORKER))) workers = 0;
  // Longest first (by file size) when threads share the work, so none is left with a long
  // issue at the end; in the order given otherwise.
  const queue = workers > 0 ? longestFirst(jobs) : [...jobs];
  const results: JobResult[] = [];
  const finish = (r: JobResult) => {
    results.push(r);
    ev.done(r);
  };
  await Promise.all([buildHere(queue, ev, finish, jobs.length > 1), ...(workers > 0 ? [runWorkers(queue, workers, ev, finish)] : [])]);
  return results.sort((a, b) => a.id - b.id);
}

/**
 * This thread's share. Two issues in flight: the next is composed while the last one's
 * PDF is flushed to disk; reported in the order taken, whichever flush ends first.
 */
async function buildHere(queue: Job[], ev: PoolEvents, finish: (r: JobResult) => void, background: boolean): Promise<void> {
  const { buildOne } = await import('./build-one.js');
  let reported: Promise<void> = Promise.resolve();
  let inFlight: Promise<void> | undefined;
  for (let job = queue.shift(); job; job = queue.shift()) {
    ev.start?.(job);
    const built = buildOne(job, background);
    reported = reported.then(async () => finish(await built));
    if (inFlight) await inFlight;
    inFlight = reported;
    // Let the event loop run between issues: the workers' results and requests for their
    // next issue wait for it (awaiting settled promises alone never gives it a turn).
    await new Promise((resolve) => setImmediate(resolve));
  }
  await reported;
}

async function runWorkers(queue: Job[], workers: number, ev: PoolEvents, finish: (r: JobResult) => void): Promise<void> {
  // Loaded here: a build of one issue never starts a worker.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  // Stopped by a signal, this thread removes the workers' temporary files with its own.
  (await import('../write/temp-files.js')).hearWorkers();
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const spawn = () => {
      const w: WorkerType = new Worker(WORKER);
      running++;
      let current: Job | undefined;
      const next = () => {
        current = queue.shift();
        if (!current) {
          void w.terminate();
          return;
        }
        ev.start?.(current);
        const m: WorkerMessage = { job: current };
        w.postMessage(m);
      };
      w.on('message', (r: JobResult | 'ready') => {
        if (r !== 'ready') finish(r);
        next();
      });
      let error: Error | undefined;
      w.on('error', (e) => (error = e));
      w.on('exit', (code) => {
        if (current) {
          // It died on this job (a crash, running out of memory): that job fails, and
          // a fresh worker takes the rest.
          const why = error?.message ?? `the worker stopped (exit code ${code})`;
          finish({ id: current.id, file: current.file, out: current.out, status: 'failed', ms: 0, notices: [], warnings: [], message: `${current.file}: internal error: ${why}`, stack: error?.stack ?? why });
          current = undefined;
          if (queue.length) spawn();
        }
        if (--running === 0) resolveAll();
      });
    };
    for (let i = 0; i < workers; i++) spawn();
  });
}

function longestFirst(jobs: Job[]): Job[] {
  const size = new Map(jobs.map((j) => [j, fileSize(j.file)]));
  return [...jobs].sort((a, b) => size.get(b)! - size.get(a)!);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
