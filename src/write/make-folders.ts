// Create the folders an output needs, one level at a time. Node 20's
// mkdirSync({ recursive: true }) spins forever on paths it can never create (under /proc),
// and its EEXIST does not say which part of the path is a file.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A folder that could not be made; `at` is the part of the path that failed. */
export class FolderError extends Error {
  constructor(
    readonly at: string,
    message: string,
  ) {
    super(message);
  }
}

export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const kind = kindOf(d);
    if (kind === 'folder') break;
    if (kind === 'other') throw new FolderError(d, `${d} is a file, not a folder`);
    missing.push(d);
    if (dirname(d) === d) break; // a root that does not exist (a missing drive)
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && kindOf(d) === 'folder') continue; // made meanwhile by another run
      throw new FolderError(d, `cannot create the folder ${d}: ${mkdirFailure(code, e as Error)}`);
    }
  }
}

function kindOf(path: string): 'folder' | 'other' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch (e) {
    // ENOTDIR: a part further up is a file; the walk up finds it and names it.
    return 'none';
  }
}

function mkdirFailure(code: string | undefined, e: Error): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'folders cannot be made there (is it a system folder such as /proc?)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    default:
      return e.message;
  }
}
