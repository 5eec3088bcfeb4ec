// YAML text to a document that remembers where every node came from, so later
// stages can say "file:line:col". Syntax errors are collected, all at once.
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';

export interface ParsedYaml {
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
  data: unknown;
}

export const MAX_ALIASES = 100;

export function parseYaml(file: string, text: string): { parsed?: ParsedYaml; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true, strict: true });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0];
    problems.push({
      file,
      line: pos?.line,
      col: pos?.col,
      message: yamlMessage(e.code, e.message),
      hint: yamlHint(e.code, text, pos?.line),
    });
  }
  if (problems.length) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = (e as Error).message;
    if (/alias/i.test(msg)) {
      return { problems: [{ file, line: 1, col: 1, message: `too many aliases (*name): the file expands beyond what an issue can hold (at most ${MAX_ALIASES} alias uses)` }] };
    }
    return { problems: [{ file, line: 1, col: 1, message: msg }] };
  }
  return { parsed: { file, text, doc, lines, data }, problems };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split(' at line ')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same block; keep one';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces';
    default:
      return `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
}

function yamlHint(code: string, text: string, line?: number): string | undefined {
  if (line === undefined) return undefined;
  const src = text.split('\n')[line - 1] ?? '';
  const prev = text.split('\n')[line - 2] ?? '';
  for (const l of [src, prev]) {
    if (/^\s*\u3000/.test(l)) return 'the line starts with an ideographic space (全角空格 U+3000); indent with ordinary spaces (半角空格)';
    if (/^\s*\t/.test(l)) return 'indent with spaces, not tabs (不要用 Tab 缩进)';
  }
  if (code !== 'DUPLICATE_KEY' && /^\s*[^\s:#'"]+：/.test(src)) {
    return 'a full-width colon "：" does not separate a key from its value; type an ASCII colon and a space ": " (半角冒号加空格)';
  }
  return undefined;
}

/** Where a node sits: the node at `path`, or the deepest ancestor that exists. */
export function locate(parsed: ParsedYaml, path: ReadonlyArray<PropertyKey>, want: 'value' | 'key' = 'value'): { line: number; col: number } {
  let node: unknown = parsed.doc.contents;
  let best: Node | null = (node as Node) ?? null;
  let keyNode: Node | null = null;
  for (const k of path) {
    keyNode = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(k));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
      best = (pair.value as Node) ?? keyNode;
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
