// How many worker threads a batch starts beside the main thread, which builds too.
import { describe, it, expect } from 'vitest';
import { availableParallelism } from 'node:os';
import { ISSUES_PER_WORKER, workerCount, type BatchRequest } from '../../src/batch/run-batch.js';

const req = (jobs?: number): BatchRequest => ({ args: [], opts: {}, mode: 'quiet', jobs });

describe('workerCount', () => {
  it('starts none for one issue, or when one thread is asked for', () => {
    expect(workerCount(req(), 1)).toBe(0);
    expect(workerCount(req(8), 1)).toBe(0);
    expect(workerCount(req(1), 500)).toBe(0);
  });

  it('starts --jobs threads in all (this one and N-1 workers), never more than there are issues or cores', () => {
    const cores = availableParallelism();
    expect(workerCount(req(2), 3)).toBe(Math.min(2, cores) - 1);
    expect(workerCount(req(8), 3)).toBe(Math.min(3, cores) - 1);
    expect(workerCount(req(122), 500)).toBe(cores - 1);
  });

  it('by default, one thread a core, but one more per ISSUES_PER_WORKER issues at most', () => {
    const cores = availableParallelism();
    expect(workerCount(req(), ISSUES_PER_WORKER - 1)).toBe(0);
    expect(workerCount(req(), ISSUES_PER_WORKER)).toBe(Math.min(cores, 2) - 1);
    expect(workerCount(req(), 100 * ISSUES_PER_WORKER)).toBe(cores - 1);
  });
});
