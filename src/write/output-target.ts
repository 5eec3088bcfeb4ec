// What an output path names, and so how it may be written: a regular file is replaced
// (a new file renamed over it); a device or a FIFO (`-o /dev/null`, a pipe) is written
// into, never replaced; a symbolic link is followed, so the link stays and its target
// is what gets replaced.
import { accessSync, constants, lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type Target =
  /** Replace `path` (a regular file, or nothing yet) by renaming a new file over it. */
  | { how: 'replace'; path: string; existing?: Stats }
  /** Write into `path` as it is (a character device, a FIFO, a socket). */
  | { how: 'stream'; path: string };

/** A reason not to write, in the clerk's words. */
export class TargetError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const MAX_LINKS = 40;

export function outputTarget(path: string): Target {
  let at = path;
  for (let hops = 0; ; hops++) {
    let st: Stats;
    try {
      st = lstatSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { how: 'replace', path: at };
      if (code === 'ENOTDIR') throw new TargetError('a part of the path is a file, not a folder');
      throw e;
    }
    if (st.isSymbolicLink()) {
      // /dev/stdout, /dev/fd/N, /proc/self/fd/N: the process's own open files, written into as they are.
      if (/^\/(proc|dev\/fd)\//.test(at)) return { how: 'stream', path };
      if (hops >= MAX_LINKS) throw new TargetError('the path is a loop of symbolic links');
      at = resolve(dirname(at), readlinkSync(at));
      continue;
    }
    if (st.isDirectory()) throw new TargetError('there is a folder by that name', 'name the file to write, inside the folder if you like');
    if (!st.isFile()) return { how: 'stream', path: at };
    if (readOnly(at, st)) throw new TargetError('the file is read-only; it was left as it is', 'make it writable, or name another output file');
    return { how: 'replace', path: at, existing: st };
  }
}

/**
 * Read-only by its mode bits, which root's access() ignores: a file nobody may write is
 * refused even for root. For others, access() also catches a file of another user.
 */
function readOnly(path: string, st: Stats): boolean {
  if ((st.mode & 0o222) === 0) return true;
  if (process.getuid?.() === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** A file already at the path, or undefined. */
export function existingFile(path: string): Stats | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}
