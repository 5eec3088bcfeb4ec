// The entry of a batch worker thread: like the command (cli/bin.ts), it runs the bundled
// worker (dist/bundle/worker.cjs) through V8's code cache, so a worker starts in tens of
// milliseconds; without the bundle it runs worker.js itself.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lendImport } from '../esm-import.js';
import { installCodeCache } from '../require-cached.js';

const bundle = fileURLToPath(new URL('../bundle/worker.cjs', import.meta.url));
if (existsSync(bundle)) {
  lendImport((spec) => import(spec));
  installCodeCache(bundle);
  createRequire(import.meta.url)(bundle);
} else {
  await import('./worker.js');
}
