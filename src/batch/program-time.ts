// Times of the files a PDF depends on. The program is one of them: a PDF older than the
// program's version is out of date. The version lives in package.json, so its change
// time stands for the version (ctime too: npm gives unpacked files a fixed mtime).
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** When a file last changed: its content (mtime) or its identity (ctime: a reinstall). */
export function changedAt(path: string): number | undefined {
  try {
    const s = statSync(path);
    return Math.max(s.mtimeMs, s.ctimeMs);
  } catch {
    return undefined;
  }
}

export function programTime(): number {
  return changedAt(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json')) ?? 0;
}
