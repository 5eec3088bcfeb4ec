// `yanjin-bulletin build FILE|DIR|GLOB… [-o OUT | --out-dir DIR] [--jobs N] [--shard K/N] …`
import { UsageError } from '../errors.js';
import { pickMode } from '../batch/report.js';
import { parseShard } from '../batch/shard.js';
import type { BatchRequest } from '../batch/run-batch.js';

export interface BuildFlags {
  output?: string;
  style?: string;
  color?: string;
  pdfa?: boolean;
  preview?: boolean;
  previewDpi?: string;
  outDir?: string;
  jobs?: string;
  shard?: string;
  force?: boolean;
  quiet?: boolean;
  json?: boolean;
  watch?: boolean;
  /** The program's own --debug: stack traces of internal errors. */
  debug?: boolean;
}

export function buildRequest(files: string[], flags: BuildFlags): BatchRequest {
  if (flags.color && !['rgb', 'cmyk'].includes(flags.color)) throw new UsageError(`--color takes rgb or cmyk, not "${flags.color}"`);
  const overrides = flags.color ? { color: { mode: flags.color } } : undefined;
  const dpi = flags.previewDpi === undefined ? 96 : Number(flags.previewDpi);
  if (!(dpi >= 10 && dpi <= 1200)) throw new UsageError(`--preview-dpi takes a resolution from 10 to 1200, not "${flags.previewDpi}"`);
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number from 1, not "${flags.jobs}"`);
  if (flags.json && flags.watch) throw new UsageError('--json reports one run; it does not go with --watch');
  return {
    args: files,
    opts: { styleFile: flags.style, styleOverrides: overrides, pdfa: flags.pdfa },
    preview: flags.preview || flags.previewDpi !== undefined ? dpi : undefined,
    output: flags.output,
    outDir: flags.outDir,
    jobs,
    shard: flags.shard !== undefined ? parseShard(flags.shard) : undefined,
    force: flags.force,
    mode: pickMode(flags),
    debug: flags.debug,
  };
}

export async function runBuild(files: string[], flags: BuildFlags): Promise<number> {
  const req = buildRequest(files, flags);
  if (flags.watch) {
    const { watchBuild } = await import('../batch/watch.js');
    return watchBuild(req);
  }
  const { runBatch } = await import('../batch/run-batch.js');
  return (await runBatch(req)).code;
}
