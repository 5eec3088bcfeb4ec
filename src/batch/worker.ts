// A worker thread of a batch: builds the jobs it is sent, one at a time. It keeps its
// modules and open faces between jobs, so each is loaded once per worker; the face files
// come from the main thread's memory (shared, not copied) when it has read them.
import '../cli/compile-cache.js';
import { parentPort } from 'node:worker_threads';
import { adoptFaceFiles } from '../fonts/open-face.js';
import { buildOne } from './build-one.js';
import type { WorkerMessage } from './pool.js';

parentPort!.on('message', (m: WorkerMessage) => {
  if (m.faceFiles) adoptFaceFiles(m.faceFiles);
  void buildOne(m.job).then((r) => parentPort!.postMessage(r));
});
// Ready for jobs: the pool sends the first with the face files it has read by now.
parentPort!.postMessage('ready');
