// The entry of a batch worker thread: like the command (cli/bin.ts), it runs the bundled
// worker through V8's code cache, so a worker starts in tens of milliseconds; without the
// bundle it runs worker.js itself.
import { launchBundle } from './launch-bundle.js';

if (!launchBundle('worker')) await import('./worker.js');
