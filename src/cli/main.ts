#!/usr/bin/env node
// yanjin-bulletin: the command line. Each command loads only what it needs, so that
// `build` of one issue starts fast.
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

void main();
