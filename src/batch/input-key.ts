// The hash of everything a PDF is made from: the issue's bytes, the style file's, the
// identity of each face (its name, size and table directory, which carries a checksum of
// every table), the options, and the program's version. Content, not file times.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../hash.js';
import type { BuildOptions, Prepared } from '../build-issue.js';
import type { FontBook } from '../fonts/font-book.js';
import { fileStamp } from '../fonts/open-face.js';

let version: string | undefined;

/** The program's name and version, from its package.json. */
function programVersion(): string {
  if (version === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
      version = `${pkg.name}@${pkg.version}`;
    } catch {
      version = 'unknown';
    }
  }
  return version;
}

const faceIds = new Map<string, string>();

/** A face file's identity: its name, size and first 4 KB (the sfnt table directory and its checksums). */
function faceIdentity(file: string): string {
  const known = `${file} ${fileStamp(file)}`;
  let id = faceIds.get(known);
  if (id) return id;
  try {
    const size = statSync(file).size;
    const head = Buffer.alloc(Math.min(size, 4096));
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    id = `${file.split(/[\\/]/).pop()} ${size} ${sha256(head)}`;
  } catch {
    id = `${file} missing`;
  }
  faceIds.set(known, id);
  return id;
}

export function inputKey(p: Prepared, book: FontBook, opts: BuildOptions, preview: number | undefined): string {
  const faces = [...new Set(Object.values(book.chains).flatMap((c) => c.map((f) => `${f.face.postscriptName} ${f.fakeBold ? 'fake bold ' : ''}${faceIdentity(f.face.file)}`)))].sort();
  const parts = {
    program: programVersion(),
    issue: sha256(p.loaded.text),
    style: opts.styleFile ? sha256(readFileSync(opts.styleFile)) : null,
    faces,
    options: { styleOverrides: opts.styleOverrides ?? null, pdfa: !!opts.pdfa, preview: preview ?? null },
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH ?? null,
  };
  return sha256(JSON.stringify(parts));
}
