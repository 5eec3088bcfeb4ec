// A worker thread of a batch: builds the jobs it is sent, one at a time. It keeps its
// modules and open faces between jobs, so each is loaded once per worker.
import { parentPort } from 'node:worker_threads';
import { buildOne, type Job } from './build-one.js';

parentPort!.on('message', (job: Job) => {
  void buildOne(job).then((r) => parentPort!.postMessage(r));
});
