// How V8 should run this process. A build of one issue is over in ~0.1 s: V8's optimising
// compiler (TurboFan) would compile hot functions on background threads that the process
// must then wait for at exit, for code it barely uses (measured: 141 → 123 ms a build).
// A batch or --watch runs the same code thousands of times, where TurboFan pays (40
// issues: 0.84 → 0.59 s). So the launcher turns it off, and a long run turns it back on.
// V8 flags are part of the code cache's fingerprint: see require-cached.ts. Node's own
// modules compile from its built-in code cache only under the flags it was made with, so
// those the program loads anyway are loaded first (measured: ~3 ms a build).
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { savePartialCodeCache } from './require-cached.js';

const FLAG = Symbol.for('yanjin-bulletin.long-run');

/** Called first by the launchers, before the program is compiled. */
export function tuneForShortRun(): void {
  const require = createRequire(import.meta.url);
  for (const m of ['os', 'perf_hooks', 'stream', 'string_decoder', 'vm', 'zlib']) require(`node:${m}`);
  setFlagsFromString('--no-turbofan');
}

/** Before a batch or a watch: optimise hot code from here on. */
export function tuneForLongRun(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[FLAG]) return;
  g[FLAG] = true;
  // A code cache made from now on would carry the other flags and be refused by the next
  // start: keep what there is so far.
  savePartialCodeCache();
  setFlagsFromString('--turbofan');
  // Without inlining, TurboFan compiles the big functions (line breaking, the PDF
  // writer) in a fraction of the time, and the code is nearly as fast: 40 issues
  // 0.54 → 0.50 s, 200 issues 1.66 → 1.51 s (its compile jobs otherwise keep the second
  // core busy for most of a batch).
  setFlagsFromString('--no-turbo-inlining');
}
