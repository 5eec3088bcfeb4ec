#!/usr/bin/env node
// yanjin-bulletin: the command line. Each command loads only what it needs, so that
// `build` of one issue starts fast.
import '../install-code-cache.js'; // first: the modules below load through the code cache
import { mark } from '../timings.js';
import { run } from './run.js';

// `validate *.yaml | head`: a reader that stops early is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

async function main() {
  mark('program loaded');
  process.exitCode = await run(process.argv.slice(2));
}

void main().then(() => {
  // Exit now rather than when V8's background threads are done (they may still be
  // compiling); unless output is still waiting to be written (pipes on Windows).
  if (!watching() && !process.stdout.writableLength && !process.stderr.writableLength) process.exit();
});

function watching(): boolean {
  return process.argv.includes('--watch');
}
