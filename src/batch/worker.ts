// A worker thread of a batch: builds the jobs it is sent, one at a time. It keeps its
// modules and open faces between jobs, so each is loaded once per worker.
import '../cli/compile-cache.js';
import { parentPort } from 'node:worker_threads';
import { buildOne } from './build-one.js';
import type { WorkerMessage } from './pool.js';

parentPort!.on('message', (m: WorkerMessage) => {
  void buildOne(m.job).then((r) => parentPort!.postMessage(r));
});
// Ready for jobs.
parentPort!.postMessage('ready');
