// Preloaded with `node --require` into each measured process (ours and the peer alike):
// at exit, append the process's peak resident memory (KiB, worker threads included).
// CommonJS and --require, not --import: an ES module preload starts Node's ES module
// loader, ~35 ms that a CommonJS program (our bundle) would otherwise never pay, while
// an ES module program (the peer's script) pays it anyway.
const { appendFileSync } = require('node:fs');

const out = process.env.YB_BENCH_RSS;
if (out) process.on('exit', () => appendFileSync(out, `${process.resourceUsage().maxRSS}\n`));
