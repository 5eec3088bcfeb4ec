// zod issues to problems a clerk can act on: file:line:col, the field, what was
// expected and what was found, and a hint in the clerk's own terms.
import type { z } from 'zod';
import { issueSchema, type Issue } from './schema.js';
import { styleSchema, type Style } from './style-schema.js';
import { locate, locateKey, type ParsedYaml } from '../load/parse-yaml.js';
import { pathToField, type Problem } from '../errors.js';
import { didYouMean } from './did-you-mean.js';

export function validateIssue(parsed: ParsedYaml): { issue?: Issue; problems: Problem[] } {
  const r = issueSchema.safeParse(parsed.data);
  if (r.success) return { issue: r.data, problems: [] };
  return { problems: toProblems(parsed, r.error, []) };
}

/** A style file's top level is what an issue's `style:` block holds. */
export function validateStyleFile(parsed: ParsedYaml): { problems: Problem[] } {
  const data = parsed.data ?? {};
  const r = styleSchema.safeParse(data);
  return { problems: r.success ? [] : toProblems(parsed, r.error, []) };
}

/** Deep-merge raw style blocks (later wins), then apply the house defaults once. */
export function resolveStyle(...layers: unknown[]): Style {
  let merged: Record<string, unknown> = {};
  for (const l of layers) if (l && typeof l === 'object') merged = deepMerge(merged, l as Record<string, unknown>);
  return styleSchema.parse(merged);
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

function toProblems(parsed: ParsedYaml, error: z.ZodError, prefix: PropertyKey[]): Problem[] {
  const out: Problem[] = [];
  for (const iss of error.issues) {
    const path = [...prefix, ...iss.path];
    const actual = valueAt(parsed.data, path);
    if (iss.code === 'unrecognized_keys') {
      const parentValue = valueAt(parsed.data, path) as Record<string, unknown> | undefined;
      const known = knownKeys(parentValue, iss.keys);
      for (const key of iss.keys) {
        const pos = locateKey(parsed, path, key);
        out.push({
          file: parsed.file,
          ...pos,
          field: pathToField(path) || '(top level)',
          message: `unknown key "${key}"${suggest(key, known)}`,
          hint: keyHint(key),
        });
      }
      continue;
    }
    const missing = actual === undefined;
    const pos = locate(parsed, path);
    out.push({
      file: parsed.file,
      ...pos,
      field: pathToField(path),
      message: missing ? `missing: ${describeExpected(iss)} is required here` : message(iss, actual),
      hint: valueHint(iss, actual, path),
    });
  }
  return sortProblems(dedupe(out));
}

export function sortProblems(ps: Problem[]): Problem[] {
  return ps.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.line}:${p.col}:${p.field}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

// The keys the schema knows for the object at a path, read off the object itself:
// zod reports unknown keys but not the known ones, so we list the fixed shape here.
const KNOWN: string[][] = [
  ['masthead', 'sections', 'distribution', 'staff', 'style'],
  ['title', 'issue', 'total', 'publisher', 'date', 'mark'],
  ['heading', 'items'],
  ['title', 'body', 'source'],
  ['label', 'to', 'copies'],
  ['role', 'name'],
  ['page', 'grid', 'size', 'color', 'fonts', 'bold', 'masthead', 'end', 'folio'],
  ['width', 'height', 'top', 'bottom', 'left', 'right'],
  ['lines', 'chars'],
  ['masthead', 'mastheadMin', 'mark', 'issueLine', 'publisher', 'heading', 'body', 'end', 'folio'],
  ['red', 'text', 'redCmyk', 'mode'],
  ['masthead', 'heading', 'lead', 'body', 'source', 'end', 'folio', 'fallback'],
  ['letterSpacing', 'ruleGap', 'ruleWidth', 'doubleRule'],
  ['ruleOuter', 'ruleInner', 'leading'],
  ['position', 'gap'],
];

function knownKeys(obj: Record<string, unknown> | undefined, unknown: string[]): string[] {
  const present = Object.keys(obj ?? {}).filter((k) => !unknown.includes(k));
  // The shape that shares the most keys with what is present is the one meant.
  let best: string[] = [];
  let score = -1;
  for (const shape of KNOWN) {
    const s = present.filter((k) => shape.includes(k)).length;
    const near = unknown.filter((k) => didYouMean(k, shape)).length;
    if (s * 2 + near > score) {
      score = s * 2 + near;
      best = shape;
    }
  }
  return best;
}

function suggest(key: string, known: string[]): string {
  const m = didYouMean(key.replace(/[\u3000\s]/g, ''), known);
  return m ? ` (did you mean "${m}"?)` : known.length ? ` (expected one of: ${known.join(', ')})` : '';
}

function keyHint(key: string): string | undefined {
  if (/^[\u3000]/.test(key) || /\u3000/.test(key)) {
    return 'the key holds an ideographic space (全角空格 U+3000), probably from indenting with it; indent with ordinary spaces';
  }
  if (key.includes('：')) {
    return 'a full-width colon "：" does not separate a key from its value; type an ASCII colon and a space ": " (半角冒号加空格)';
  }
  return undefined;
}

function typeWord(t: string): string {
  switch (t) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a block of keys';
    case 'boolean':
      return 'true or false';
    default:
      return t;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'nothing (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return `a number (${v})`;
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'string') return `text ("${v.length > 30 ? v.slice(0, 30) + '…' : v}")`;
  if (typeof v === 'object') return 'a block of keys';
  return typeof v;
}

function describeExpected(iss: z.core.$ZodIssue): string {
  if (iss.code === 'invalid_type') return typeWord(String(iss.expected));
  return 'a value';
}

function message(iss: z.core.$ZodIssue, actual: unknown): string {
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${typeWord(String(iss.expected))}, got ${describe(actual)}`;
    case 'invalid_union':
      return `expected text or a list of texts, got ${describe(actual)}`;
    case 'too_small':
      if (typeof actual === 'string') return 'must not be empty';
      if (Array.isArray(actual)) return iss.message.startsWith('Too small') ? 'must not be an empty list' : iss.message;
      return iss.message.startsWith('Too small') ? `must be at least ${String(iss.minimum)}, got ${String(actual)}` : `${iss.message}, got ${String(actual)}`;
    case 'too_big':
      return `must be at most ${String(iss.maximum)}, got ${String(actual)}`;
    case 'invalid_value':
      return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(actual)}`;
    default:
      return actual === undefined ? iss.message : `${iss.message}, got ${describe(actual)}`;
  }
}

function valueHint(iss: z.core.$ZodIssue, actual: unknown, path: PropertyKey[]): string | undefined {
  const last = path[path.length - 1];
  if (typeof actual === 'string' && actual.includes('：') && iss.code === 'invalid_type' && iss.expected === 'object') {
    return 'a full-width colon "：" does not separate a key from its value; type an ASCII colon and a space ": " (半角冒号加空格)';
  }
  if (last === 'date' && typeof actual === 'number') {
    return 'write the date as 2023-08-25 (year-month-day with hyphens)';
  }
  if (iss.code === 'invalid_type' && iss.expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
    return `YAML read this as ${typeof actual === 'number' ? 'a number' : 'true/false'}; put the text in quotes to keep it as typed, e.g. '${String(actual)}'`;
  }
  if (iss.code === 'invalid_type' && iss.expected === 'number' && typeof actual === 'string' && /^\s*[０-９]+\s*$/.test(actual)) {
    return 'the digits are full-width (全角数字); type them as ASCII digits 0-9';
  }
  return undefined;
}
