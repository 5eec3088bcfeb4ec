// Write a file so that a failure never leaves half a PDF and never clobbers the old one:
// write a temporary file beside it, then rename it into place.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

export function writeAtomic(path: string, data: Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EROFS' ? 'read-only file system' : (e as Error).message;
    throw new UserError({ file: path, message: `cannot write the PDF: ${why}` });
  }
}
