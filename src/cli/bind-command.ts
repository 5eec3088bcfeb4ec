// `yanjin-bulletin bind FILE|DIR|GLOB… -o VOLUME.pdf [--title T] [--contents D] [--recto] …`
import { UsageError } from '../errors.js';
import type { ContentsDepth } from '../bind/bind-volume.js';

export interface BindFlags {
  output: string;
  title?: string;
  contents: string;
  recto?: boolean;
  style?: string;
  color?: string;
  pdfa?: boolean;
  quiet?: boolean;
}

const DEPTHS: ContentsDepth[] = ['issues', 'sections', 'items'];

export async function runBind(files: string[], flags: BindFlags): Promise<number> {
  if (flags.color && !['rgb', 'cmyk'].includes(flags.color)) throw new UsageError(`--color takes rgb or cmyk, not "${flags.color}"`);
  if (!DEPTHS.includes(flags.contents as ContentsDepth)) throw new UsageError(`--contents takes ${DEPTHS.join(', ')}, not "${flags.contents}"`);
  if (flags.style !== undefined && !flags.style.trim()) throw new UsageError('--style names a style file, and was given an empty name');
  if (flags.title !== undefined && !flags.title.trim()) throw new UsageError('--title must not be empty');
  const t0 = performance.now();
  const { bindVolume } = await import('../bind/bind-volume.js');
  const v = await bindVolume({
    args: files,
    output: flags.output,
    opts: { styleFile: flags.style, styleOverrides: flags.color ? { color: { mode: flags.color } } : undefined, pdfa: flags.pdfa },
    title: flags.title,
    contents: flags.contents as ContentsDepth,
    recto: !!flags.recto,
    warn: (w) => process.stderr.write(`${w}\n`),
  });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (!flags.quiet) process.stdout.write(`${v.output}: ${v.issues} issues, ${v.pages} pages, ${Math.round(v.bytes / 1024)} KB in ${s} s\n`);
  return 0;
}
