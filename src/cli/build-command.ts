// `yanjin-bulletin build FILE|DIR|GLOB… [-o OUT | --out-dir DIR] [--jobs N] [--shard K/N] …`
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { pickMode } from '../batch/report.js';
import { parseShard } from '../batch/shard.js';
import { checkFontPath } from './font-path.js';
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
  strict?: boolean;
  fontPath?: string[];
  prune?: boolean;
  /** The program's --debug, passed on by the command. */
  debug?: boolean;
}

function isSink(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isCharacterDevice() || st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

function buildRequest(files: string[], flags: BuildFlags): BatchRequest {
  if (flags.style === '') throw new UsageError('--style names a style file, and was given an empty name');
  // Standard output named as a file is standard output: the PDF alone goes there.
  if (flags.output === '/dev/stdout') flags = { ...flags, output: '-' };
  // `build in.yaml out.pdf`: the second name is taken for an input; say how to name the output.
  const pdfArg = files.find((f) => /\.pdf$/i.test(f));
  if (pdfArg) throw new UsageError(`"${pdfArg}" is a PDF, not an issue file; to name the output use -o: yanjin-bulletin build ${files.filter((f) => f !== pdfArg).join(' ') || 'issue.yaml'} -o ${pdfArg}`);
  if (flags.output !== undefined && /[\\/]$/.test(flags.output)) {
    throw new UsageError(`-o names the PDF to write, and "${flags.output}" ends in a slash, so it names a folder; for a folder of PDFs use --out-dir`);
  }
  if (flags.output === '') throw new UsageError('-o names the PDF to write, and was given an empty name');
  if (flags.outDir !== undefined && !flags.outDir.trim()) throw new UsageError('--out-dir names the folder to write the PDFs in, and was given an empty name');
  // A device or a pipe (-o /dev/null, a FIFO) is a sink, whatever its name.
  if (flags.output !== undefined && flags.output !== '-' && !/\.pdf$/i.test(flags.output) && !isSink(flags.output)) {
    throw new UsageError(`-o names the PDF to write, and "${flags.output}" does not end in .pdf${/\.png$/i.test(flags.output) ? ' (for page images use --preview)' : ''}`);
  }
  const toStdout = flags.output === '-' || (files.length === 1 && files[0] === '-' && !flags.output && !flags.outDir);
  if (toStdout && (flags.json || flags.preview || flags.previewDpi !== undefined || flags.watch)) throw new UsageError('with the PDF on standard output (-o -), --json, --preview and --watch have nowhere to go');
  if (files.includes('-') && files.length > 1) throw new UsageError('"-" (the issue on standard input) is the only input of its build');
  if (flags.color && !['rgb', 'cmyk'].includes(flags.color)) throw new UsageError(`--color takes rgb or cmyk, not "${flags.color}"`);
  const overrides = flags.color ? { color: { mode: flags.color } } : undefined;
  const dpi = flags.previewDpi === undefined ? 96 : Number(flags.previewDpi);
  if (!(dpi >= 10 && dpi <= 1200)) throw new UsageError(`--preview-dpi takes a resolution from 10 to 1200, not "${flags.previewDpi}"`);
  const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number from 1, not "${flags.jobs}"`);
  if (flags.json && flags.watch) throw new UsageError('--json reports one run; it does not go with --watch');
  return {
    args: files,
    opts: { styleFile: flags.style, styleOverrides: overrides, pdfa: flags.pdfa, fontPath: checkFontPath(flags.fontPath) },
    preview: flags.preview || flags.previewDpi !== undefined ? dpi : undefined,
    output: toStdout ? '-' : flags.output,
    outDir: flags.outDir,
    jobs,
    shard: flags.shard !== undefined ? parseShard(flags.shard) : undefined,
    force: flags.force,
    prune: flags.prune,
    strict: flags.strict,
    mode: pickMode(flags),
    debug: flags.debug,
  };
}

export async function runBuild(files: string[], flags: BuildFlags): Promise<number> {
  const req = buildRequest(files, flags);
  if (files.includes('-')) {
    const [{ readStdin, STDIN_NAME }, { giveInput }] = await Promise.all([import('../batch/stdio.js'), import('../load/load-file.js')]);
    giveInput(STDIN_NAME, await readStdin());
  }
  if (flags.watch) {
    const { watchBuild } = await import('../batch/watch.js');
    return watchBuild(req);
  }
  const { runBatch } = await import('../batch/run-batch.js');
  return (await runBatch(req)).code;
}
