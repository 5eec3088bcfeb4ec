// Every file the program writes goes through here, so that a failure never leaves half a
// file and never clobbers the old one: write a temporary file beside the target (same
// folder, so same disk), flush it to the disk, then rename it into place — a rename either
// happens whole or not at all. What may be replaced is decided by output-target.ts.
import { closeSync, fsync, fsyncSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { UserError } from '../errors.js';
import { FolderError, makeFolders } from './make-folders.js';
import { existingFile, outputTarget, TargetError, type Target } from './output-target.js';
import { removeTemp, settled, tempBeside } from './temp-files.js';

const PDF_MAGIC = '%PDF';

export interface WriteOptions {
  /** What is being written, for messages: "the PDF" (default), "the issue file", … */
  what?: string;
}

export function writeAtomic(path: string, data: Uint8Array, opts: WriteOptions = {}): void {
  const w = begin(path, data, opts);
  if (!w) return;
  try {
    fsyncSync(w.fd!);
  } catch (e) {
    throw w.fail(e);
  }
  w.finish();
}

/**
 * The same, with the flush to disk done on libuv's thread pool: a batch computes the
 * next issue meanwhile (a flush takes ~2 ms of waiting per PDF).
 */
export function writeAtomicAsync(path: string, data: Uint8Array, opts: WriteOptions = {}): Promise<void> {
  const w = begin(path, data, opts);
  if (!w) return Promise.resolve();
  return new Promise((resolve, reject) => {
    fsync(w.fd!, (e) => {
      if (e) return reject(w.fail(e));
      try {
        w.finish();
        resolve();
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** Write `data` to a temporary file beside the target; finish() renames it into place. Undefined when written straight into a device. */
function begin(path: string, data: Uint8Array, opts: WriteOptions) {
  const what = opts.what ?? 'the PDF';
  const refuse = (message: string, hint?: string) => new UserError({ file: path, message: `cannot write ${what}: ${message}`, hint });
  if (!path) throw refuse('the name is empty', 'name the file to write');
  if (path.endsWith('/') || path.endsWith(sep)) throw refuse('the name ends in a slash, so it names a folder', 'name the file itself, e.g. folder/issue38.pdf');
  let target: Target;
  try {
    target = outputTarget(path);
  } catch (e) {
    if (e instanceof TargetError) throw refuse(e.message, e.hint);
    throw refuse(why(e as NodeJS.ErrnoException));
  }
  if (target.how === 'stream') {
    writeInto(target.path, data, refuse);
    return undefined;
  }
  if (target.existing && startsWith(data, PDF_MAGIC)) refuseToReplaceNonPdf(target.path, refuse);
  try {
    makeFolders(dirname(target.path));
  } catch (e) {
    if (e instanceof FolderError) throw refuse(e.message);
    throw e;
  }
  const tmp = tempBeside(target.path);
  const w = {
    fd: undefined as number | undefined,
    fail(e: unknown): UserError {
      if (w.fd !== undefined) closeQuietly(w.fd);
      w.fd = undefined;
      removeTemp(tmp);
      if (e instanceof UserError) return e;
      const kept = existingFile(target.path) ? '; the file already there is unchanged' : '';
      return refuse(`${why(e as NodeJS.ErrnoException)}${kept}`);
    },
    finish(): void {
      try {
        closeSync(w.fd!);
        w.fd = undefined;
        renameSync(tmp, target.path);
        settled(tmp);
      } catch (e) {
        throw w.fail(e);
      }
    },
  };
  try {
    w.fd = openSync(tmp, 'wx', target.existing ? target.existing.mode & 0o777 : 0o666);
    writeAll(w.fd, data);
  } catch (e) {
    throw w.fail(e);
  }
  return w;
}

/** A device or a FIFO: written into (a FIFO waits for its reader, as `cat > fifo` does). */
function writeInto(path: string, data: Uint8Array, refuse: (m: string) => UserError): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    writeAll(fd, data);
  } catch (e) {
    throw refuse(why(e as NodeJS.ErrnoException));
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
}

function why(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (if the file is open in a viewer, close it and try again)';
    case 'EBUSY':
      return 'the file is in use by another program (close it there and try again)';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'there is a folder by that name';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ELOOP':
      return 'the path is a loop of symbolic links';
    case 'EPIPE':
      return 'the program reading the pipe stopped reading';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return e.message;
  }
}

/** An output path that names the issue file itself (or any other non-PDF) must not be overwritten with a PDF. */
function refuseToReplaceNonPdf(path: string, refuse: (m: string, hint?: string) => UserError): void {
  const head = Buffer.alloc(4);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return; // unreadable: the write itself will say what is wrong
  }
  if (n > 0 && !startsWith(head, PDF_MAGIC)) {
    throw refuse('there is already a file by that name and it is not a PDF; it was left as it is', 'name another output file');
  }
}

function startsWith(data: Uint8Array, magic: string): boolean {
  for (let i = 0; i < magic.length; i++) if (data[i] !== magic.charCodeAt(i)) return false;
  return true;
}
