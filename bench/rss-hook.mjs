// Preloaded with `node --import` into each measured process (ours and the peer alike):
// at exit, append the process's peak resident memory (KiB, worker threads included).
import { appendFileSync } from 'node:fs';

const out = process.env.YB_BENCH_RSS;
if (out) process.on('exit', () => appendFileSync(out, `${process.resourceUsage().maxRSS}\n`));
