// The options a folder of PDFs (--out-dir) was built with. Times cannot tell that a PDF
// was built with other options (--color, --pdfa, --style, --preview): when they differ
// from the stamp, every PDF in the folder is out of date.
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildOptions } from '../build-issue.js';
import { writeAtomic } from '../write/atomic.js';

const NAME = '.yanjin-bulletin-options.json';

export function optionsKey(opts: BuildOptions, preview: number | undefined): string {
  const o = { ...opts, styleFile: opts.styleFile ? resolve(opts.styleFile) : undefined, preview };
  return JSON.stringify(o, Object.keys(o).sort());
}

export function sameOptions(outDir: string, key: string): boolean {
  try {
    return readFileSync(join(outDir, NAME), 'utf8') === key;
  } catch {
    return false;
  }
}

/** Stamp the folder after a run without failures; after one with failures, unstamp it. */
export function stampOptions(outDir: string, key: string, clean: boolean): void {
  try {
    if (!clean) rmSync(join(outDir, NAME), { force: true });
    else writeAtomic(join(outDir, NAME), Buffer.from(key), { what: 'the record of the options' });
  } catch {
    /* a read-only folder: the next run rebuilds */
  }
}
