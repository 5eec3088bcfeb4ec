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
  const code = await run(process.argv.slice(2));
  // Everything is written (run settles only then). Leave now, once standard output and
  // error have been handed to the system, instead of waiting while Node frees the heap
  // and V8's background compiler and collector threads wind down: ~20 ms of a one-issue
  // build, for nothing the user gets.
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write('', done))));
  process.exit(code);
}

void main();
