// Write a file so that a failure never leaves half a PDF and never clobbers the old one:
// write a temporary file beside it (same folder, so same disk), flush it to the disk,
// then rename it into place — a rename either happens whole or not at all.
import { closeSync, fsync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

const PDF_MAGIC = '%PDF';

export function writeAtomic(path: string, data: Uint8Array): void {
  const w = begin(path, data);
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
export function writeAtomicAsync(path: string, data: Uint8Array): Promise<void> {
  const w = begin(path, data);
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

/** Write `data` to a temporary file beside `path`; finish() renames it into place. */
function begin(path: string, data: Uint8Array) {
  const dir = dirname(path);
  if (startsWith(data, PDF_MAGIC)) refuseToReplaceNonPdf(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${(++serial).toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  const w = {
    fd: undefined as number | undefined,
    fail(e: unknown): UserError {
      removeQuietly(tmp, w.fd);
      w.fd = undefined;
      const kept = isFile(path) ? '; the file already there is unchanged' : '';
      return new UserError({ file: path, message: `cannot write the PDF: ${why(e as NodeJS.ErrnoException)}${kept}` });
    },
    finish(): void {
      try {
        closeSync(w.fd!);
        w.fd = undefined;
        renameSync(tmp, path);
      } catch (e) {
        throw w.fail(e);
      }
    },
  };
  try {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      // mkdir says EEXIST when a part of the path is a file.
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      throw e;
    }
    w.fd = openSync(tmp, 'wx');
    for (let off = 0; off < data.length; ) off += writeSync(w.fd, data, off, data.length - off);
  } catch (e) {
    throw w.fail(e);
  }
  return w;
}

let serial = 0;

/** Clean up after a failed write; a failure here must not hide the one that matters. */
function removeQuietly(tmp: string, fd: number | undefined): void {
  try {
    if (fd !== undefined) closeSync(fd);
  } catch {
    /* already closed */
  }
  try {
    rmSync(tmp, { force: true });
  } catch {
    /* the folder was never there */
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
    default:
      return e.message;
  }
}

/** An output path that names the issue file itself (or any other non-PDF) must not be overwritten with a PDF. */
function refuseToReplaceNonPdf(path: string): void {
  let head: Buffer;
  try {
    if (!statSync(path).isFile()) return;
    const fd = openSync(path, 'r');
    head = Buffer.alloc(4);
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return; // nothing there, or unreadable: the write itself will say what is wrong
  }
  if (head.length && !startsWith(head, PDF_MAGIC) && statSync(path).size > 0) {
    throw new UserError({ file: path, message: 'cannot write the PDF: there is already a file by that name and it is not a PDF; it was left as it is', hint: 'name another output file' });
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function startsWith(data: Uint8Array, magic: string): boolean {
  for (let i = 0; i < magic.length; i++) if (data[i] !== magic.charCodeAt(i)) return false;
  return true;
}
