// Checks on the text itself that the schema cannot express, each located at the
// character: invisible characters pasted from web pages, and runs that cannot be set.
import { pathToField, type Problem } from '../errors.js';
import { locate, type ParsedYaml } from '../load/parse-yaml.js';
import type { Issue } from './schema.js';
import { defaultStyle } from './style-schema.js';
import { sizeProblems } from './size-limits.js';

/** Every piece of text the issue prints, with its place in the file. */
export function textFields(issue: Issue): { path: PropertyKey[]; text: string; body: boolean }[] {
  const out: { path: PropertyKey[]; text: string; body: boolean }[] = [];
  const m = issue.masthead;
  for (const k of ['title', 'publisher', 'mark'] as const) if (m[k]) out.push({ path: ['masthead', k], text: m[k]!, body: false });
  issue.sections.forEach((sec, si) => {
    out.push({ path: ['sections', si, 'heading'], text: sec.heading, body: false });
    sec.items.forEach((it, ii) => {
      for (const k of ['title', 'body', 'source'] as const) if (it[k]) out.push({ path: ['sections', si, 'items', ii, k], text: it[k]!, body: true });
    });
  });
  const d = issue.distribution;
  if (d) {
    out.push({ path: ['distribution', 'label'], text: d.label, body: false });
    if (typeof d.to === 'string') out.push({ path: ['distribution', 'to'], text: d.to, body: false });
    else d.to.forEach((t, i) => out.push({ path: ['distribution', 'to', i], text: t, body: false }));
  }
  issue.staff?.forEach((s, i) => {
    out.push({ path: ['staff', i, 'role'], text: s.role, body: false });
    out.push({ path: ['staff', i, 'name'], text: s.name, body: false });
  });
  return out;
}

export function checkText(parsed: ParsedYaml, issue: Issue): Problem[] {
  // The issue's own grid; a shared style file is not seen here, so its default stands in.
  const grid = (issue.style ?? defaultStyle()).grid;
  const chars = grid.chars;
  // Size first: the checks below, and composing, cost in proportion to it.
  const out: Problem[] = sizeProblems(parsed, issue, grid);
  if (out.length) return out;
  for (const f of textFields(issue)) {
    out.push(...invisible(parsed, f.path, f.text));
    if (f.body) out.push(...overlong(parsed, f.path, f.text, chars));
  }
  return out;
}

/** Where `piece` stands in the file, searching from the start of the field's value. */
export function place(parsed: ParsedYaml, path: PropertyKey[], piece: string, nth = 0): { line: number; col: number } {
  const at = locate(parsed, path);
  let idx = parsed.lines.lineStarts[at.line - 1] + at.col - 1;
  for (let k = 0; k <= nth && idx >= 0; k++) idx = parsed.text.indexOf(piece, k === 0 ? idx : idx + 1);
  return idx >= 0 ? parsed.lines.linePos(idx) : at;
}

// --- invisible characters -------------------------------------------------------------

const INVISIBLE: Record<string, string> = {
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u2060': 'word joiner',
  '\ufeff': 'byte order mark',
  '\u00ad': 'soft hyphen',
  '\u2028': 'line separator',
  '\u2029': 'paragraph separator',
};
/** Spaces of other widths than the ordinary one, which CJK faces do not draw (en and em spaces they do). */
const ODD_SPACES: Record<string, string> = {
  '\u2009': 'thin space',
  '\u200a': 'hair space',
  '\u202f': 'narrow no-break space',
  '\u205f': 'medium mathematical space',
};
// Invisible characters, control characters (C0 and C1), spaces of odd widths, and half
// of a surrogate pair (a YAML escape such as "\uD800" makes one).
const INVISIBLE_RE =
  /[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\u2000\u2001\u2004-\u200a\u202f\u205f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What an unwanted character is, and what to do about it. */
function describe(ch: string): { message: string; hint: string } {
  const cp = ch.charCodeAt(0);
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp >= 0xd800 && cp <= 0xdfff) {
    return { message: `a broken character (half of a surrogate pair, ${code}) is in the text here`, hint: 'an escape such as "\\uD800" names half a character; type the character itself' };
  }
  if ((cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f) {
    // (en and em spaces never reach here: the pattern leaves them)
    return { message: `an unusual space (${ODD_SPACES[ch] ?? 'a typographic space'}, ${code}) is in the text here`, hint: 'type an ordinary space, or none between Chinese characters' };
  }
  const name = INVISIBLE[ch] ?? (cp < 0xa0 ? 'control character' : 'direction mark');
  return { message: `an invisible character (${name}, ${code}) is in the text here`, hint: 'it often comes with text pasted from a web page or a chat; delete it' };
}

function invisible(parsed: ParsedYaml, path: PropertyKey[], text: string): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, number>();
  for (const m of text.matchAll(INVISIBLE_RE)) {
    const ch = m[0];
    const nth = seen.get(ch) ?? 0;
    seen.set(ch, nth + 1);
    out.push({ file: parsed.file, ...place(parsed, path, ch, nth), field: pathToField(path), ...describe(ch) });
  }
  return out;
}

// --- runs too wide to set -------------------------------------------------------------

/**
 * Runs the composer keeps whole (clreq: never split a word, a number or a URL): ASCII
 * without spaces, and Latin/Greek/Cyrillic letters. One wider than a line cannot be set,
 * and the composer would drop what does not fit: refuse it here, by name and place.
 */
const RUN = /[!-~\u00c0-\u024f\u0370-\u04ff]+/g;

/**
 * Width in ems, estimated low on purpose (about 10% under the default serif face and
 * about right for the 0.5 em Latin of 仿宋/宋体): only runs that surely overflow are refused.
 */
export function estimateEms(run: string): number {
  let w = 0;
  for (const ch of run) {
    if (/[.,:;'|!ijlI()[\]{}/\-"`ft]/.test(ch)) w += 0.3;
    else if (/[mwMW@%&]/.test(ch)) w += 0.85;
    else if (/[A-Z]/.test(ch)) w += 0.6;
    else w += 0.5;
  }
  return w;
}

function overlong(parsed: ParsedYaml, path: PropertyKey[], text: string, chars: number): Problem[] {
  const out: Problem[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (estimateEms(run) <= chars) continue;
    const shown = run.length > 40 ? `${run.slice(0, 40)}…` : run;
    out.push({
      file: parsed.file,
      ...place(parsed, path, run),
      field: pathToField(path),
      message: `"${shown}" (${run.length} characters without a space) is wider than a line and cannot be broken`,
      hint: 'shorten it, or type a space where it may break (in a web address, after a "/")',
    });
  }
  return out;
}
