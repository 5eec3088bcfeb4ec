// A proofreading warning: a Problem (file:line:col, field, message, hint) that does not
// stop the build, unless --strict makes it one.
import { byPosition, pathToField, type Problem } from '../../errors.js';
import { place } from '../text-checks.js';
import type { ParsedYaml } from '../../load/parse-yaml.js';

export type Warning = Problem;

/** `file:line:col: warning: field: message`, with the hint on the next line. */
export function formatWarning(w: Warning): string {
  const where = [w.file, w.line, w.col].filter((x) => x !== undefined).join(':');
  const field = w.field ? `${w.field}: ` : '';
  return `${where}: warning: ${field}${w.message}${w.hint ? `\n    hint: ${w.hint}` : ''}`;
}

/** A warning at the `nth` occurrence of `piece` in the field at `path`. */
export function warnAt(parsed: ParsedYaml, path: PropertyKey[], piece: string, nth: number, message: string, hint?: string): Warning {
  return { file: parsed.file, ...place(parsed, path, piece, nth), field: pathToField(path), message, ...(hint ? { hint } : {}) };
}

/** In file order: by line, then column. */
export function inFileOrder(ws: Warning[]): Warning[] {
  return [...ws].sort(byPosition);
}

/** Which occurrence of `ch` in `text` the one at `index` is (0 for the first). */
export function occurrence(text: string, ch: string, index: number): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0 && i < index; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Warnings as the errors --strict makes them. */
export function asErrors(ws: Warning[]): Problem[] {
  return ws.map((w) => ({ ...w, message: `${w.message} (a warning; --strict makes it an error)` }));
}
