// Globs for inputs that reach us unexpanded (quoted, or from Windows shells): picomatch
// finds the fixed folder a pattern starts from (what --out-dir mirrors below), tinyglobby
// lists the files it matches, braces across folders (`{2023/*,2024/*}.yaml`) included.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type picomatchType from 'picomatch';
import type * as Tinyglobby from 'tinyglobby';

// Required when a glob is first met, from node_modules (as fontkit is): fdir, inside
// tinyglobby, requires picomatch as soon as it is loaded, which a build of one named
// issue should not pay for.
const require = createRequire(import.meta.url);
const tinyglobby = () => require('tinyglobby') as typeof Tinyglobby;
const picomatch = () => require('picomatch') as typeof picomatchType;

export function isGlob(s: string): boolean {
  return tinyglobby().isDynamicPattern(s.replace(/\\/g, '/'));
}

/** Split a pattern into the folder before its first wildcard and the rest. */
export function globBase(pattern: string): { base: string; rest: string } {
  const s = picomatch().scan(pattern.replace(/\\/g, '/'));
  return { base: s.base || '.', rest: s.glob };
}

/**
 * The files a pattern matches, absolute and sorted, with the folder it is relative to.
 * Hidden folders and node_modules are left out, as when a folder is named.
 */
export function globFiles(pattern: string, cwd: string): { baseAbs: string; files: string[] } {
  const { base, rest } = globBase(pattern);
  const baseAbs = resolve(cwd, base);
  const files = tinyglobby().globSync(rest, { cwd: baseAbs, absolute: true, onlyFiles: true, dot: false, expandDirectories: false, ignore: ['**/node_modules/**'] });
  return { baseAbs, files: files.map((f) => resolve(f)).sort() };
}
