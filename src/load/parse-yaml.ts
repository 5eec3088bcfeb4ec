// YAML text to a document that remembers where every node came from, so later
// stages can say "file:line:col". Syntax errors are collected, all at once, and
// explained in a clerk's terms (full-width colons, full-width-space indentation, …).
import { LineCounter, parseDocument, visit, isAlias, isMap, isSeq, isPair, isScalar, type Document, type Node, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { byPosition, pathToField, type Problem } from '../errors.js';
import { explainYamlError } from './yaml-errors.js';
import { repairSlips } from './repair-slips.js';

export interface ParsedYaml {
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
  data: unknown;
  /**
   * Problems that do not stop the file from being read (a duplicated key: the last one
   * counts), reported by validation together with everything else it finds.
   */
  soft?: Problem[];
}

/** Alias expansions allowed when building the data: enough for any real use, not for a "billion laughs" file. */
const MAX_ALIASES = 100;
/** Syntax problems shown at most; the rest are counted (one mistake can cascade). */
const MAX_SYNTAX_PROBLEMS = 20;

/**
 * When the only syntax mistakes are typing slips (repair-slips.ts), the file as it would
 * read once they are fixed, so that the problems of the rest of it
 * can be listed too (on the lines not repaired).
 */
export interface Recovered {
  parsed: ParsedYaml;
  repairedLines: Set<number>;
}

export function parseYaml(file: string, text: string): { parsed?: ParsedYaml; problems: Problem[]; recovered?: Recovered } {
  const lines = new LineCounter();
  // Duplicated keys are found here, in one pass: yaml's own check compares every key of a
  // block with every other (20,000 keys took seconds).
  // The core schema whatever a `%YAML 1.1` line asks for: 1.1 would read a date as a timestamp and yes as true.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: true, strict: true, schema: 'core' });
  const parsed: ParsedYaml = { file, text, doc, lines, data: undefined };
  const src = text.split('\n');
  const syntax = dropKnockOns(doc.errors.map((e) => explained(parsed, src, e)));
  // A duplicated key leaves a readable file; anything else YAML complains of does not.
  const readable = doc.errors.length === 0;
  const duplicates = duplicateKeys(parsed);
  if (readable) syntax.push(...duplicates);
  const problems = readable ? [...syntax, ...structureProblems(parsed)] : onePerLine([...syntax, ...duplicates]);
  if (!readable || problems.length > syntax.length) {
    const shown = onePerLine(problems);
    // A cascade past the cap is a file to fix first, not one to read past.
    return { problems: capProblems(file, shown), recovered: readable || shown.length > MAX_SYNTAX_PROBLEMS ? undefined : recover(file, text) };
  }
  if (syntax.length) parsed.soft = syntax;
  try {
    parsed.data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const first = firstAlias(doc);
    const pos = first ? lines.linePos(first.range?.[0] ?? 0) : { line: 1, col: 1 };
    if (/alias/i.test((e as Error).message)) {
      return {
        problems: [{ file, ...pos, message: `the aliases (*name) in this file expand to more than an issue can hold (at most ${MAX_ALIASES} uses); the file is refused` }],
      };
    }
    return { problems: [{ file, ...pos, message: `YAML: ${(e as Error).message}` }] };
  }
  return { parsed, problems: [] };
}

function recover(file: string, text: string): Recovered | undefined {
  const { text: fixed, changed } = repairSlips(text);
  if (!changed.size) return undefined;
  const r = parseYaml(file, fixed);
  if (!r.parsed) return undefined;
  // Only the repaired lines differ, so every other line keeps its line and column.
  return { parsed: r.parsed, repairedLines: changed };
}

type Explained = Problem & { generic?: boolean; after?: number; once?: string };

/** After a problem whose cause is known, YAML's unexplained complaints further down are its echoes. */
function dropKnockOns(ps: Explained[]): Problem[] {
  const specific = ps.filter((p) => !p.generic).map((p) => p.line ?? 0);
  const first = specific.length ? Math.min(...specific) : Infinity;
  const own = new Set(ps.filter((p) => p.after === undefined).map((p) => p.line));
  const said = new Set<string>();
  return ps
    .filter((p) => !p.generic || (p.line ?? 0) < first)
    .filter((p) => p.after === undefined || !own.has(p.after))
    .filter((p) => !p.once || (!said.has(p.once) && said.add(p.once)))
    .map(({ generic: _g, after: _a, once: _o, ...p }) => p);
}

function explained(parsed: ParsedYaml, src: string[], e: YAMLError): Explained {
  const pos = e.linePos?.[0] ?? parsed.lines.linePos(e.pos[0]);
  const x = explainYamlError({ code: e.code, message: e.message.split(' at line ')[0], line: pos.line, col: pos.col, src, offset: e.pos[0], dup: () => undefined });
  return { file: parsed.file, line: x.line ?? pos.line, col: x.col ?? pos.col, field: x.field, message: x.message, hint: x.hint, generic: x.generic, after: x.after, once: x.once };
}

/** Every key that appears twice in its block, where it appears again, in one walk of the document. */
function duplicateKeys(parsed: ParsedYaml): Problem[] {
  const out: Problem[] = [];
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (isMap(node)) {
      const first = new Map<string, Node>();
      for (const p of node.items) {
        const k = p.key as Node | null;
        if (!isScalar(k)) continue;
        const key = String(k.value);
        const seen = first.get(key);
        if (!seen) first.set(key, k);
        else {
          const pos = parsed.lines.linePos(k.range?.[0] ?? 0);
          const x = explainYamlError({ code: 'DUPLICATE_KEY', message: '', ...pos, src: [], offset: 0, dup: () => ({ field: pathToField(path), key, firstLine: parsed.lines.linePos(seen.range?.[0] ?? 0).line }) });
          out.push({ file: parsed.file, ...pos, field: x.field, message: x.message });
        }
        walk(p.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => walk(it, [...path, i]));
    }
  };
  walk(parsed.doc.contents, []);
  return out;
}

/** Tags that only say what the value already is (`!!str 0012` keeps text as typed). */
const PLAIN_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`)]);

/**
 * Mistakes YAML accepts without complaint but that no issue file means: a key made of
 * full-width-space indentation, a list dash without its space, an alias to nothing.
 */
function structureProblems(parsed: ParsedYaml): Problem[] {
  const out: Problem[] = [];
  const at = (n: Node) => parsed.lines.linePos(n.range?.[0] ?? 0);
  visit(parsed.doc, {
    Node(_, node) {
      // `!!binary`, `!!js/function`, `!custom`: an issue holds text, numbers, lists and blocks only.
      const tag = (node as { tag?: string }).tag;
      if (tag && !PLAIN_TAGS.has(tag)) {
        const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
        out.push({ file: parsed.file, ...at(node as Node), message: `the YAML tag ${shown} is not allowed in an issue file`, hint: `remove "${shown}" and write the value as plain text` });
      }
    },
    Pair(_, pair) {
      // `? [a, b]` or `[a, b]: x`: a key that is a list or block names no field (and yaml would warn on the console).
      if (isPair(pair) && (isMap(pair.key) || isSeq(pair.key))) {
        out.push({ file: parsed.file, ...at(pair.key), message: `a key here is a ${isSeq(pair.key) ? 'list' : 'block of keys'}; a key is a name, such as "title"` });
        return;
      }
      if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'string') return;
      const key = pair.key.value;
      const pos = at(pair.key);
      if (/^[\u3000\t]/.test(key)) {
        out.push({ file: parsed.file, line: pos.line, col: pos.col, message: 'the line is indented with full-width spaces (全角空格 U+3000); indent with ordinary spaces (半角空格)' });
      } else if (/^[－—–]/.test(key)) {
        out.push({ file: parsed.file, ...pos, message: `"${key[0]}" is not a list dash; start a list item with an ASCII hyphen and a space: "- "` });
      } else if (/^-[^\s-]/.test(key)) {
        out.push({ file: parsed.file, ...pos, message: `put a space after the dash of a list item: "- ${key.slice(1)}"` });
      }
    },
    Alias(_, alias) {
      if (isAlias(alias) && !alias.resolve(parsed.doc)) {
        const pos = at(alias);
        out.push({
          file: parsed.file,
          ...pos,
          message: `a value starting with "*" is a YAML reference, and there is no "&${alias.source}" to refer to`,
          hint: `to write text that starts with *, put it in quotes: '*${alias.source}'`,
        });
      }
    },
  });
  return out;
}

function firstAlias(doc: Document): Node | undefined {
  let first: Node | undefined;
  visit(doc, {
    Alias(_, a) {
      first ??= a as Node;
      return visit.BREAK;
    },
  });
  return first;
}

/** One mistake often makes YAML complain several times about the same line: keep the first. */
function onePerLine(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of ps) {
    const k = String(p.line);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out.sort(byPosition);
}

function capProblems(file: string, ps: Problem[]): Problem[] {
  if (ps.length <= MAX_SYNTAX_PROBLEMS) return ps;
  const rest = ps.length - MAX_SYNTAX_PROBLEMS;
  return [...ps.slice(0, MAX_SYNTAX_PROBLEMS), { file, message: `… and ${rest} more problem${rest === 1 ? '' : 's'} further down; fix these first` }];
}

/** Each block's entries by key, made once a block: locating every one of 20,000 keys stays linear. */
const pairsByKey = new WeakMap<object, Map<string, Pair>>();

/** The entry for a key; with a duplicated key the last, as that is the one the data holds. */
function lastPair(map: YAMLMap, k: PropertyKey): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isScalar(p.key)) index.set(String(p.key.value), p);
    pairsByKey.set(map, index);
  }
  return index.get(String(k));
}

/** Where a node sits: the node at `path`, or the deepest ancestor that exists. */
export function locate(parsed: ParsedYaml, path: ReadonlyArray<PropertyKey>, want: 'value' | 'key' = 'value'): { line: number; col: number } {
  let node: unknown = parsed.doc.contents;
  let best: Node | null = (node as Node) ?? null;
  let keyNode: Node | null = null;
  for (const k of path) {
    keyNode = null;
    if (isMap(node)) {
      const pair = lastPair(node, k);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
      // An empty value (`title:`) has no node of its own: point at the key.
      best = (pair.value as Node) ?? keyNode;
      if (isScalar(pair.value) && pair.value.value === null && !pair.value.source) best = keyNode;
    } else if (isSeq(node) && typeof k === 'number') {
      const item = node.items[k];
      if (!item) break;
      node = item;
      best = item as Node;
    } else break;
  }
  const target = want === 'key' && keyNode ? keyNode : best;
  const offset = target?.range?.[0] ?? 0;
  return parsed.lines.linePos(offset);
}

/** The key node of an entry in the map at `path`, for unknown-key messages. */
export function locateKey(parsed: ParsedYaml, mapPath: ReadonlyArray<PropertyKey>, key: string): { line: number; col: number } {
  return locate(parsed, [...mapPath, key], 'key');
}

/** The text as typed for the node at `path` (e.g. "0012" where YAML read 12), if it is a scalar. */
export function sourceAt(parsed: ParsedYaml, path: ReadonlyArray<PropertyKey>): string | undefined {
  let node: unknown = parsed.doc.contents;
  for (const k of path) {
    if (isMap(node)) node = lastPair(node, k)?.value;
    else if (isSeq(node) && typeof k === 'number') node = node.items[k];
    else return undefined;
  }
  if (!isScalar(node) || !node.range) return undefined;
  return parsed.text.slice(node.range[0], node.range[1]).trim();
}
