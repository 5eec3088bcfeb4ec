// Run jobs on `workers` worker threads (0: here, in this thread), reporting each as it
// starts and ends. A worker that dies fails its job only; the others go on.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Worker as WorkerType } from 'node:worker_threads';
import type { Job, JobResult } from './build-one.js';

export interface PoolEvents {
  start?(job: Job): void;
  done(result: JobResult): void;
}

export async function runJobs(jobs: Job[], workers: number, ev: PoolEvents): Promise<JobResult[]> {
  if (workers <= 0 || jobs.length <= 1) {
    const { buildOne } = await import('./build-one.js');
    const out: JobResult[] = [];
    // Two issues in flight: the next is composed while the last one's PDF is flushed to
    // disk. Reported in the order of the inputs, whichever flush ends first.
    let reported: Promise<void> = Promise.resolve();
    let inFlight: Promise<void> | undefined;
    for (const job of jobs) {
      ev.start?.(job);
      const built = buildOne(job, jobs.length > 1);
      reported = reported.then(async () => {
        const r = await built;
        ev.done(r);
        out.push(r);
      });
      if (inFlight) await inFlight;
      inFlight = reported;
    }
    await reported;
    return out;
  }
  // Longest first (by file size), so no worker is left with a long issue at the end.
  const size = new Map(jobs.map((j) => [j, fileSize(j.file)]));
  const queue = [...jobs].sort((a, b) => size.get(b)! - size.get(a)!);
  const results: JobResult[] = [];
  // From dist/batch/pool.js or from the bundle in dist/bundle/: the same file.
  const url = new URL('../batch/worker-launch.js', import.meta.url);
  // Loaded here: a build of one issue never starts a worker.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const finish = (r: JobResult) => {
      results.push(r);
      ev.done(r);
    };
    const spawn = () => {
      const w: WorkerType = new Worker(url);
      running++;
      let current: Job | undefined;
      const next = () => {
        current = queue.shift();
        if (!current) {
          void w.terminate();
          return;
        }
        ev.start?.(current);
        w.postMessage(current);
      };
      w.on('message', (r: JobResult) => {
        finish(r);
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
      next();
    };
    for (let i = 0; i < Math.min(workers, jobs.length); i++) spawn();
  });
  return results.sort((a, b) => a.id - b.id);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
