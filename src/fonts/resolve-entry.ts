// A style's face entry (family, PostScript name or path) to a file on disk.
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { bundledFace } from './bundled.js';
import { FaceError } from './open-face.js';
import type { FaceLookup, Resolved } from './lookup.js';

const FONT_FILE = /\.(ttf|otf|ttc|otc|woff2?)(#.*)?$/i;

/** Whether an entry names a file rather than a face. */
const isPathEntry = (entry: string) => FONT_FILE.test(entry) || entry.includes('/') || entry.includes('\\');

/**
 * Paths are relative to the file that names them (`baseDir`). Names are looked up among
 * the bundled faces first (so the default style never scans a folder), then in the
 * project's fonts/ folders and the system's font folders through `lookup`.
 */
export function resolveEntry(entry: string, baseDir: string, lookup?: FaceLookup): Resolved {
  if (isPathEntry(entry)) {
    const [file, member] = splitMember(entry);
    const path = isAbsolute(file) ? file : resolve(baseDir, file);
    try {
      statSync(path);
    } catch (e) {
      const loop = (e as NodeJS.ErrnoException).code === 'ELOOP';
      throw new FaceError(loop ? `cannot read the font file ${path}: the path is a loop of symbolic links` : `font file not found: ${path}`, entry);
    }
    return { spec: member ? `${path}#${member}` : path, source: 'file' };
  }
  const bundled = bundledFace(entry);
  if (bundled) return { spec: bundled, source: 'bundled' };
  const found = lookup?.find(entry);
  if (found) return found;
  const near = lookup?.similar(entry) ?? [];
  throw new FaceError(
    `no face named "${entry}" (looked in ${lookup ? lookup.describe() : 'the bundled faces'})` +
      (near.length ? `; faces with a similar name: ${near.join(', ')}` : '; give a family name, a PostScript name or a path to a .ttf/.otf/.ttc/.otc file'),
    entry,
  );
}

function splitMember(entry: string): [string, string | undefined] {
  const m = /^(.*\.(?:ttc|otc))#(.+)$/i.exec(entry);
  return m ? [m[1], m[2]] : [entry, undefined];
}
