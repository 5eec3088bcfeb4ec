// `--font-path DIR` (repeatable): folders of faces for one run, checked to be folders.
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** commander's collector: each --font-path adds a folder. */
export function collectFontPath(dir: string, before: string[] = []): string[] {
  return [...before, dir];
}

export function checkFontPath(dirs: string[] | undefined): string[] | undefined {
  for (const d of dirs ?? []) {
    let ok = false;
    try {
      ok = statSync(d).isDirectory();
    } catch {
      /* said below */
    }
    if (!ok) throw new UsageError(`--font-path takes a folder of faces, and "${d}" is not a folder`);
  }
  return dirs?.length ? dirs : undefined;
}
