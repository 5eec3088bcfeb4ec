// Globs for inputs that reach us unexpanded (quoted, or from Windows shells): picomatch
// finds the fixed folder a pattern starts from (what --out-dir mirrors below), tinyglobby
// lists the files it matches, braces across folders (`{2023/*,2024/*}.yaml`) included.
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { resolve } from 'node:path';

export function isGlob(s: string): boolean {
  return isDynamicPattern(s.replace(/\\/g, '/'));
}

/** Split a pattern into the folder before its first wildcard and the rest. */
export function globBase(pattern: string): { base: string; rest: string } {
  const s = picomatch.scan(pattern.replace(/\\/g, '/'));
  return { base: s.base || '.', rest: s.glob };
}

/**
 * The files a pattern matches, absolute and sorted, with the folder it is relative to.
 * Hidden folders and node_modules are left out, as when a folder is named.
 */
export function globFiles(pattern: string, cwd: string): { baseAbs: string; files: string[] } {
  const { base, rest } = globBase(pattern);
  const baseAbs = resolve(cwd, base);
  const files = globSync(rest, { cwd: baseAbs, absolute: true, onlyFiles: true, dot: false, expandDirectories: false, ignore: ['**/node_modules/**'] });
  return { baseAbs, files: files.map((f) => resolve(f)).sort() };
}
