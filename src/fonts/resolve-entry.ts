// A style's face entry (family, PostScript name or path) to a file on disk.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { bundledFace } from './bundled.js';
import { FaceError } from './open-face.js';

const FONT_FILE = /\.(ttf|otf|ttc|otc)(#.*)?$/i;

/**
 * Paths are relative to the file that names them (`baseDir`). Names are looked up in
 * the project's fonts/ folder and among the bundled faces; `systemLookup` (issue 5)
 * extends this to the operating system's font folders.
 */
export function resolveEntry(entry: string, baseDir: string, systemLookup?: (name: string) => string | undefined): string {
  if (FONT_FILE.test(entry) || entry.includes('/') || entry.includes('\\')) {
    const [file, member] = splitMember(entry);
    const path = isAbsolute(file) ? file : resolve(baseDir, file);
    if (!existsSync(path)) throw new FaceError(`font file not found: ${path}`);
    return member ? `${path}#${member}` : path;
  }
  const bundled = bundledFace(entry);
  if (bundled) return bundled;
  const sys = systemLookup?.(entry);
  if (sys) return sys;
  throw new FaceError(`no face named "${entry}" (looked in the bundled faces${systemLookup ? ' and the system font folders' : ''}); give a family name, a PostScript name or a path to a .ttf/.otf/.ttc file`);
}

function splitMember(entry: string): [string, string | undefined] {
  const m = /^(.*\.(?:ttc|otc))#(.+)$/i.exec(entry);
  return m ? [m[1], m[2]] : [entry, undefined];
}

export function styleBaseDir(styleFile: string | undefined, issueFile: string): string {
  return dirname(styleFile ?? issueFile);
}
