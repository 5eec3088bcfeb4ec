// zod issues to problems a clerk can act on: file:line:col, the field, what was
// expected and what was found, and a hint in the clerk's own terms.
import type * as z from 'zod/mini';
import { issueSchema, type Issue } from './schema.js';
import { defaultStyle, styleSchema, type Style } from './style-schema.js';
import { checkText } from './text-checks.js';
import { locate, locateKey, sourceAt, type ParsedYaml } from '../load/parse-yaml.js';
import { byPosition, MAX_SHOWN, pathToField, type Problem } from '../errors.js';
import { didYouMean, keysAt, optionalAt } from './did-you-mean.js';

type ZodIssue = z.core.$ZodIssue;

export function validateIssue(parsed: ParsedYaml): { issue?: Issue; problems: Problem[] } {
  const r = issueSchema.safeParse(parsed.data);
  const soft = parsed.soft ?? [];
  if (r.success) {
    const problems = sortProblems([...soft, ...checkText(parsed, r.data)]);
    return problems.length ? { problems } : { issue: r.data, problems: [] };
  }
  return { problems: sortProblems([...soft, ...toProblems(parsed, r.error.issues, issueSchema)]) };
}

/** A style file's top level is what an issue's `style:` block holds. */
export function validateStyleFile(parsed: ParsedYaml): { problems: Problem[] } {
  const data = parsed.data ?? {};
  const r = styleSchema().safeParse(data);
  return { problems: sortProblems([...(parsed.soft ?? []), ...(r.success ? [] : toProblems(parsed, r.error.issues, styleSchema()))]) };
}

/** Deep-merge raw style blocks (later wins), then apply the house defaults once. */
export function resolveStyle(...layers: unknown[]): Style {
  let merged: Record<string, unknown> = {};
  for (const l of layers) if (l && typeof l === 'object') merged = deepMerge(merged, l as Record<string, unknown>);
  return Object.keys(merged).length ? styleSchema().parse(merged) : defaultStyle();
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

function toProblems(parsed: ParsedYaml, issues: readonly ZodIssue[], root: z.core.$ZodType): Problem[] {
  const flat = flattenUnions(issues);
  const out: Problem[] = [];
  // A mistyped key (`bdy`) also makes its real key (`body`) missing: say it once, at the typo.
  const suggested = new Set<string>();
  // Where each unknown key is, first (cheap); what it may have meant only for the first
  // ones in the file, as only those are shown: a file of 20,000 unknown keys is answered at once.
  const unknown: { path: PropertyKey[]; key: string; keys: string[]; at: { line: number; col: number } }[] = [];
  for (const { iss, path } of flat) {
    if (iss.code !== 'unrecognized_keys') continue;
    for (const key of iss.keys) unknown.push({ path, key, keys: iss.keys, at: locateKey(parsed, path, key) });
  }
  unknown.sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col);
  unknown.forEach(({ path, key, keys, at }, i) => {
    const known = keysAt(root, path);
    const field = pathToField(path) || '(top level)';
    if (i >= MAX_SHOWN) {
      out.push({ file: parsed.file, ...at, field, message: `unknown key "${key}"` });
      return;
    }
    const obj = valueAt(parsed.data, path) as Record<string, unknown>;
    const near = didYouMean(key.replace(/[\u3000\s]/g, ''), known);
    if (near) suggested.add(pathToField([...path, near]));
    // `- 责任编辑: 李勉` in staff: the role was written as the key.
    const staffLike = !near && /[^\x00-\x7f]/.test(key) && known.includes('role') && known.includes('name') && typeof obj[key] === 'string' && keys.length === 1;
    if (staffLike) for (const k of ['role', 'name']) suggested.add(pathToField([...path, k]));
    const moved = near || staffLike ? undefined : belongsUnder(root, path, key, known);
    if (moved?.missing) suggested.add(moved.missing);
    out.push({
      file: parsed.file,
      ...at,
      field,
      message: `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : known.length ? ` (expected one of: ${known.join(', ')})` : ''}`,
      hint: staffLike ? `write each entry with role and name: - {role: ${key}, name: ${String(obj[key])}}` : near ? keyHint(key) : (keyHint(key) ?? moved?.hint),
    });
  });
  for (const { iss, path } of flat) {
    if (iss.code === 'unrecognized_keys') continue;
    const field = pathToField(path);
    const actual = valueAt(parsed.data, path);
    if (actual === undefined) {
      if (suggested.has(field)) continue;
      out.push(missing(parsed, path, iss));
      continue;
    }
    const source = sourceAt(parsed, path);
    out.push({
      file: parsed.file,
      ...locate(parsed, path),
      field,
      message: message(iss, actual),
      hint: valueHint(parsed, iss, actual, path, source, root),
    });
  }
  return sortProblems(dedupe(out));
}

/**
 * A union (text or a list of texts; a number or a length string) fails as a whole;
 * when one branch got further into the value, its issues say more.
 */
function flattenUnions(issues: readonly ZodIssue[], prefix: PropertyKey[] = []): { iss: ZodIssue; path: PropertyKey[] }[] {
  const out: { iss: ZodIssue; path: PropertyKey[] }[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'invalid_union') {
      const deeper = iss.errors.find((branch) => branch.some((b) => b.path.length > 0 || (b.code !== 'invalid_type' && b.code !== 'invalid_union')));
      if (deeper) {
        out.push(...flattenUnions(deeper, path));
        continue;
      }
    }
    out.push({ iss, path });
  }
  return out;
}

/** A missing field is reported at its parent: the key that opens the block, or the list item. */
function missing(parsed: ParsedYaml, path: PropertyKey[], iss: ZodIssue): Problem {
  const parent = path.slice(0, -1);
  const name = String(path[path.length - 1]);
  const pos = parent.length ? locate(parsed, parent, 'key') : { line: 1, col: 1 };
  const where = parent.length === 0 ? 'at the top level' : typeof parent[parent.length - 1] === 'number' ? 'to this item' : `under "${String(parent[parent.length - 1])}:"`;
  return { file: parsed.file, ...pos, field: pathToField(path), message: `is missing; add "${name}:" (${expectedWord(iss)}) ${where}` };
}

function sortProblems(ps: Problem[]): Problem[] {
  return ps.sort(byPosition);
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

const FULL_WIDTH_COLON = 'a full-width colon "：" does not end a key; type an ASCII colon and a space ": " (半角冒号加空格)';

function keyHint(key: string): string | undefined {
  if (key === '<<') return 'merge keys (<<: *name) are not read here; write the keys out, or refer to a whole value with *name';
  if (/\u3000/.test(key)) return 'the key holds a full-width space (全角空格 U+3000); use ordinary spaces';
  if (key.includes('：')) return FULL_WIDTH_COLON;
  if (/[\u4e00-\u9fff]/.test(key)) return 'keys are the English names above; the Chinese text goes after the colon';
  return undefined;
}

/** A key of a block one level down (`body` right under a section, `title` at the top). */
function belongsUnder(root: z.core.$ZodType, path: PropertyKey[], key: string, known: string[]): { hint: string; missing?: string } | undefined {
  for (const k of known) {
    // The key is then also reported missing where it belongs: the hint says it, once.
    if (keysAt(root, [...path, k]).includes(key)) return { hint: `"${key}" belongs inside "${k}:", indented under it`, missing: pathToField([...path, k, key]) };
    if (keysAt(root, [...path, k, 0]).includes(key)) return { hint: `"${key}" belongs to an entry of "${k}:", indented under it as "- ${key}: …"` };
  }
  return undefined;
}

function typeWord(t: string): string {
  switch (t) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'array':
    case 'tuple':
      return 'a list';
    case 'object':
      return 'a block of keys';
    case 'boolean':
      return 'true or false';
    default:
      return t;
  }
}

function expectedWord(iss: ZodIssue): string {
  if (iss.code === 'invalid_type') return typeWord(String(iss.expected));
  if (iss.code === 'invalid_union') return unionWords(iss);
  return 'a value';
}

function unionWords(iss: Extract<ZodIssue, { code: 'invalid_union' }>): string {
  const words = [...new Set(iss.errors.map((b) => (b[0]?.code === 'invalid_type' ? typeWord(String(b[0].expected)) : 'a value')))];
  // The style's lengths: a number in the key's unit, or text with a unit.
  if (words.length === 2 && words.includes('a number') && words.includes('text')) return 'a length such as 12 or "12mm"';
  return words.join(' or ');
}

function describe(v: unknown): string {
  if (v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  // YAML's .nan and .inf are numbers to zod too; say which.
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan (YAML\'s "not a number")' : Number.isFinite(v) ? 'a number' : `${v > 0 ? '' : '-'}.inf (YAML's infinity)`;
  if (typeof v === 'boolean') return `${v} (a yes/no value)`;
  if (typeof v === 'string') return `text ("${[...v].length > 30 ? [...v].slice(0, 30).join('') + '…' : v}")`;
  if (typeof v === 'object') return 'a block of keys';
  return typeof v;
}

function message(iss: ZodIssue, actual: unknown): string {
  switch (iss.code) {
    case 'invalid_type':
      if (actual === null) return `is empty; expected ${typeWord(String(iss.expected))}`;
      if (iss.path[iss.path.length - 1] === 'date' && iss.expected === 'string') return `expected a date, got ${describe(actual)}`;
      if (iss.expected === 'int' && typeof actual === 'number') return `must be a whole number, got ${actual}`;
      return `expected ${typeWord(String(iss.expected))}, got ${describe(actual)}`;
    case 'invalid_union':
      if (actual === null) return `is empty; expected ${unionWords(iss)}`;
      return `expected ${unionWords(iss)}, got ${describe(actual)}`;
    case 'too_small':
      if (typeof actual === 'string') return 'must not be empty';
      if (Array.isArray(actual) && actual.length) return `must have ${iss.exact ? '' : 'at least '}${String(iss.minimum)} entries, got ${actual.length}`;
      if (Array.isArray(actual)) return custom(iss.message) ? iss.message : 'must not be an empty list';
      if (custom(iss.message)) return `${iss.message}, got ${String(actual)}`;
      return `must be ${iss.inclusive === false ? 'more than' : 'at least'} ${String(iss.minimum)}, got ${String(actual)}`;
    case 'too_big':
      if (Array.isArray(actual)) return `must have at most ${String(iss.maximum)} entries, got ${actual.length}`;
      return `must be at most ${String(iss.maximum)}, got ${String(actual)}`;
    case 'invalid_value':
      return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(actual)}`;
    case 'invalid_format':
      return custom(iss.message) ? `${iss.message}, got ${typeof actual === 'number' ? String(actual) : describe(actual)}` : `is not in the expected form, got ${describe(actual)}`;
    case 'custom':
      // Messages that already say what was typed (dates) stand alone.
      if (typeof actual === 'string' && /\d{4}-\d{2}-\d{2}/.test(iss.message)) return iss.message;
      return `${iss.message}, got ${typeof actual === 'number' ? String(actual) : describe(actual)}`;
    default:
      return `${iss.message}, got ${describe(actual)}`;
  }
}

/** zod's own messages start "Invalid input" / "Too small"; ours are written for the clerk. */
function custom(msg: string): boolean {
  return !/^(Invalid|Too (small|big)|Expected)/.test(msg);
}

/** The text of line `n` (1-based), found through the line starts YAML counted: no split of the whole file for each problem. */
function lineAt(parsed: ParsedYaml, n: number): string {
  const starts = parsed.lines.lineStarts;
  if (n < 1 || n > starts.length) return '';
  return parsed.text.slice(starts[n - 1], n < starts.length ? starts[n] - 1 : undefined);
}

function valueHint(parsed: ParsedYaml, iss: ZodIssue, actual: unknown, path: PropertyKey[], source: string | undefined, root: z.core.$ZodType): string | undefined {
  const last = path[path.length - 1];
  const wantsText = (iss.code === 'invalid_type' && iss.expected === 'string') || (iss.code === 'invalid_union' && unionWords(iss).startsWith('text'));
  const wantsNumber = iss.code === 'invalid_type' && (iss.expected === 'number' || iss.expected === 'int');
  const typed = source ?? String(actual);
  if (actual === null) {
    const line = lineAt(parsed, locate(parsed, path).line);
    if (/:\s+#/.test(line)) return '"#" after a space starts a comment in YAML, so the value is empty; put the text in quotes: \'#…\'';
    if (typeof last === 'string' && optionalAt(root, path)) return `write the value after "${last}:", or delete the line if there is none`;
    if (source && /^(null|Null|NULL|~)$/.test(source)) return `YAML reads ${source} as "nothing"; to keep it as text, put it in quotes: '${source}'`;
    return undefined;
  }
  if (typeof actual === 'string' && actual.includes('：') && iss.code === 'invalid_type' && iss.expected === 'object') return FULL_WIDTH_COLON;
  if (last === 'redCmyk' && Array.isArray(actual)) return 'four percentages, cyan, magenta, yellow and black: [0, 100, 100, 0]';
  if (last === 'date' && typeof actual === 'number') {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(typed);
    return `write the date as YYYY-MM-DD with hyphens: ${m ? `${m[1]}-${m[2]}-${m[3]}` : '2023-08-25'}`;
  }
  if (wantsText && typeof actual === 'number') {
    const reads = typed !== String(actual) ? `${typed} as the number ${actual}` : `${typed} as a number`;
    return `YAML reads ${reads}; to keep the text as typed, put it in quotes: '${typed}'`;
  }
  if (wantsText && typeof actual === 'boolean') return `YAML reads ${typed} as a yes/no value; to keep it as text, put it in quotes: '${typed}'`;
  if (wantsText && Array.isArray(actual) && source === undefined) {
    const line = lineAt(parsed, locate(parsed, path).line);
    if (/:\s*\[/.test(line)) return 'square brackets [ ] make a list in YAML; for brackets in text use 【】, or put the text in quotes';
  }
  if (wantsText && actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    const line = lineAt(parsed, locate(parsed, path).line);
    if (/:\s*\{/.test(line)) return 'braces { } make a block of keys in YAML; for braces in text put the text in quotes';
  }
  if (iss.code === 'invalid_type' && iss.expected === 'boolean' && typeof actual === 'string') {
    return `write true or false${/^(yes|no|on|off|y|n|是|否|对|错)$/i.test(actual.trim()) ? `, not ${actual.trim()}` : ''}`;
  }
  if (wantsNumber && typeof actual === 'string') {
    if (/^\s*[０-９]+\s*$/.test(actual)) return `the digits are full-width (全角数字); type ASCII digits: ${actual.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))}`;
    if (/^[\d\s]+$/.test(actual) && actual.includes('\u3000')) return `remove the full-width space (全角空格) from the number: ${actual.trim()}`;
    if (/^["']\s*\d+\s*["']$/.test(typed)) return `a number in quotes is text; write it without quotes: ${actual.trim()}`;
    if (/^\s*\d{1,3}([,，_ ]\d{3})+\s*$/.test(actual)) return `write the number without separators: ${actual.replace(/[,，_\s]/g, '')}`;
    const digits = /\d+/.exec(actual);
    if (digits) return `write just the number: ${digits[0]}`;
  }
  return undefined;
}
