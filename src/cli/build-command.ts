// `yanjin-bulletin build FILE… [-o OUT]`
import { UsageError, UserError } from '../errors.js';
import { prepareIssue, openFaces, renderIssue } from '../batch/build-issue.js';
import { writeAtomic } from '../write/atomic.js';

export interface BuildFlags {
  output?: string;
  style?: string;
  color?: string;
}

export function defaultOutput(input: string): string {
  return input.replace(/\.(ya?ml|txt)$/i, '') + '.pdf';
}

export async function runBuild(files: string[], flags: BuildFlags): Promise<number> {
  if (flags.output && files.length > 1) throw new UsageError('-o names one output file; with several inputs use --out-dir');
  if (flags.color && !['rgb', 'cmyk'].includes(flags.color)) throw new UsageError(`--color takes rgb or cmyk, not "${flags.color}"`);
  const overrides = flags.color ? { color: { mode: flags.color } } : undefined;
  let failed = 0;
  for (const file of files) {
    try {
      const opts = { styleFile: flags.style, styleOverrides: overrides };
      const p = prepareIssue(file, opts);
      for (const n of p.notices) process.stderr.write(`${file}: notice: ${n}\n`);
      const book = openFaces(p, opts);
      const { pdf, layout } = await renderIssue(p, book);
      const out = flags.output ?? defaultOutput(file);
      writeAtomic(out, pdf);
      process.stdout.write(`${out}: ${layout.pages.length} pages, ${(pdf.length / 1024).toFixed(0)} KB\n`);
    } catch (e) {
      if (!(e instanceof UserError) || files.length === 1) throw e;
      process.stderr.write(`${e.message}\n`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}
