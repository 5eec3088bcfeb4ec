// YAML's own error messages speak of "implicit keys" and "compact mappings". Here each
// is turned into what the clerk did and what to type instead, from the line itself.
import { badIndent, badIndentColumn } from './repair-slips.js';

export interface YamlErrorInput {
  code: string;
  /** yaml's message, without its " at line …" tail. */
  message: string;
  line: number;
  col: number;
  /** The text, one entry a line. */
  src: string[];
  offset: number;
  /** For DUPLICATE_KEY: which map, which key, where it first appears. */
  dup: () => { field: string; key: string; firstLine?: number } | undefined;
}

export interface Explained {
  message: string;
  hint?: string;
  line?: number;
  col?: number;
  field?: string;
  /** No specific cause found: after a specific problem this is likely a knock-on effect. */
  generic?: boolean;
  /** Only a consequence of the line above, if that line already has a problem of its own. */
  after?: number;
  /** Said once a file: a later problem of the same kind is an echo of the first. */
  once?: string;
}

/** The first tab or full-width space of a line's indentation. */
const LEAD_CHAR = (line: string) => line.charAt(badIndentColumn(line) - 1);

const FULL_WIDTH_SPACE = 'the line is indented with full-width spaces (全角空格 U+3000); indent with ordinary spaces (半角空格)';
const TAB = 'the line is indented with a tab; YAML needs spaces (不要用 Tab 缩进，用空格)';

export function explainYamlError(e: YamlErrorInput): Explained {
  const line = e.src[e.line - 1] ?? '';
  const indent = /^[ \t\u3000]*/.exec(line)![0];

  if (e.code === 'RESOURCE_EXHAUSTION') return { message: 'lists or blocks are nested too deeply here for an issue file' };
  if (e.code === 'DUPLICATE_KEY') {
    const d = e.dup();
    if (d) {
      const first = d.firstLine !== undefined ? ` (first on line ${d.firstLine})` : '';
      return { field: d.field || undefined, message: `"${d.key}" appears twice in this block${first}; keep one` };
    }
    return { message: 'this key appears twice in the same block; keep one' };
  }
  // The indentation, or the space after a list dash: named for what it is, where it is.
  if (badIndent(line)) return { message: LEAD_CHAR(line) === '\u3000' ? FULL_WIDTH_SPACE : TAB, col: badIndentColumn(line) };
  if (indent.includes('\u3000')) return { message: FULL_WIDTH_SPACE, col: 1 };
  if (indent.includes('\t') || e.code === 'TAB_AS_INDENT') return { message: TAB, col: 1 };

  // `title：延津` — a full-width colon where the key ends.
  const fw = /^(\s*(?:-\s+)?)([^\s#'"：:][^：:]*?)\s*：/.exec(line);
  if (fw) {
    return {
      col: fw[0].length,
      message: `"${fw[2]}：" has a full-width colon (全角冒号); after a key type an ASCII colon and a space: "${fw[2]}: "`,
    };
  }
  // `title 延津` or `title　延津` — the colon left out altogether.
  const bare = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \u3000]+[^\s:：#]/.exec(line);
  if (bare && !/[:：]/.test(line)) {
    return { col: bare[1].length + bare[2].length + 1, message: `a colon is missing after "${bare[2]}": write "${bare[2]}: " and then the value` };
  }
  // `title:延津` — no space after the colon, so YAML sees one long word.
  const tight = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=\S)/.exec(line);
  if (tight && e.code !== 'BLOCK_AS_IMPLICIT_KEY') {
    return { col: tight[0].length, message: `put a space after the colon: "${tight[2]}: "` };
  }
  // `body: 时间: 上午九点` — a colon and a space inside the text start a new key.
  const inner = /^(\s*(?:-\s+)?[^\s:#][^:]*:\s+)(?!["'|>])([^#]*?)(:\s)/.exec(line);
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && inner) {
    const key = /^\s*(?:-\s+)?([^:]+):/.exec(line)![1].trim();
    return {
      col: inner[1].length + inner[2].length + 1,
      message: `the text after "${key}:" holds ": " (a colon and a space), which YAML reads as the start of another key`,
      hint: `use a full-width colon "：" in the text, put the whole text in quotes, or write it as a block: "${key}: |" with the text on the lines below, indented`,
    };
  }
  // `title: 延津` with the next key indented further: YAML reads it as more of the value.
  const next = nextLine(e.src, e.line);
  const kv = /^(\s*)(?:-\s+)?([^\s:#][^:]*):\s+[^\s|>]/.exec(line);
  if (kv && next && (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY')) {
    const keyCol = line.indexOf(kv[2]);
    const nextIndent = /^ */.exec(next.text)![0].length;
    if (nextIndent > keyCol && /^\s*[^\s:#][^:]*:(\s|$)/.test(next.text)) {
      return { line: next.line, col: 1, after: e.line, message: `this line is indented further than "${kv[2].trim()}" above it (line ${e.line}); the keys of one block start in the same column` };
    }
  }
  // A list item whose dash is not lined up with the one above it.
  if (/^\s*-\s/.test(line) && (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'BAD_INDENT')) {
    const above = previousDash(e.src, e.line);
    if (above && above.col !== line.indexOf('-') + 1) {
      return { col: line.indexOf('-') + 1, message: `this "-" is not lined up with the "-" on line ${above.line} above it; the dashes of one list start in the same column` };
    }
  }
  // `body: |` followed by text that is not indented further than `body`.
  const prev = previousLine(e.src, e.line);
  const block = prev && /^(\s*)(?:-\s+)?([^\s:#][^:]*):\s*[|>][-+0-9]*\s*$/.exec(prev.text);
  if (block && indent.length <= block[1].length + (/^\s*-\s/.test(prev.text) ? 2 : 0)) {
    return { col: 1, message: `the text under "${block[2].trim()}: ${prev.text.trim().split(':').pop()!.trim()}" (line ${prev.line}) must be indented further than "${block[2].trim()}"` };
  }
  if (e.code === 'MISSING_CHAR' && /quote/.test(e.message)) {
    const q = e.message.includes('"') ? '"' : "'";
    const open = openingQuote(e.src, e.line, q);
    return {
      ...(open ?? {}),
      once: 'quote',
      message: open ? `a quotation mark (${q}) opened here is never closed` : `a quotation mark (${q}) is never closed`,
      hint: `close it with another ${q} at the end of the text; for quotation marks inside Chinese text use “ ” (全角引号)`,
    };
  }
  if (e.code === 'BAD_SCALAR_START') {
    const ch = /character (\S)/.exec(e.message)?.[1] ?? '';
    return { message: `a value cannot start with "${ch}" in YAML; put the text in quotes`, hint: `for example '${ch}…'` };
  }
  if (e.code === 'MULTIPLE_DOCS') {
    return { col: 1, message: 'a line "---" starts a second document here; an issue file is one document: remove the "---" line' };
  }
  if (e.code === 'BAD_INDENT') {
    // Generic: after a line indented with a tab or a full-width space, the lines below it are only echoes.
    if (/sequence items/.test(e.message)) return { generic: true, message: 'this "-" is indented differently from the items above it; the dashes of one list start in the same column' };
    if (/mapping items/.test(e.message)) return { generic: true, message: 'this line is indented differently from the keys above it; the keys of one block start in the same column' };
    if (/Flow sequence/.test(e.message)) return { message: 'a list in square brackets [ ] is not closed with "]"', hint: 'for brackets inside text use 【】 or put the text in quotes' };
    if (/Flow mapping/.test(e.message)) return { message: 'a block in braces { } is not closed with "}"', hint: 'for braces inside text put the text in quotes' };
  }
  if (e.code === 'KEY_OVER_1024_CHARS') {
    return { message: 'a very long line is read as a key; long text belongs in a block: "body: |" with the text on the lines below, indented' };
  }
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || (e.code === 'MISSING_CHAR' && /map values/.test(e.message))) {
    return { generic: true, message: 'this line has no "key: value" shape; a key needs a colon and a space after it (e.g. "title: 延津政务快报"), and text continuing a value must be indented under it' };
  }
  return { generic: true, message: `YAML syntax: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}` };
}

function nextLine(src: string[], line: number): { text: string; line: number } | undefined {
  for (let l = line + 1; l <= src.length; l++) {
    const t = src[l - 1];
    if (t.trim() && !/^\s*#/.test(t)) return { text: t, line: l };
  }
  return undefined;
}

function previousDash(src: string[], line: number): { line: number; col: number } | undefined {
  for (let l = line - 1; l >= 1; l--) {
    const m = /^(\s*)-\s/.exec(src[l - 1]);
    if (m) return { line: l, col: m[1].length + 1 };
  }
  return undefined;
}

function previousLine(src: string[], line: number): { text: string; line: number } | undefined {
  for (let l = line - 1; l >= 1; l--) {
    const t = src[l - 1];
    if (t.trim() && !/^\s*#/.test(t)) return { text: t, line: l };
  }
  return undefined;
}

/** The line and column of the quote that opened the unclosed value: the last value start with it. */
function openingQuote(src: string[], errLine: number, q: string): { line: number; col: number } | undefined {
  const re = new RegExp(`^(\\s*(?:-\\s+)?(?:[^\\s#'"][^:#]*:\\s+)?)${q}`);
  for (let l = Math.min(errLine, src.length); l >= 1; l--) {
    const m = re.exec(src[l - 1]);
    if (m) return { line: l, col: m[1].length + 1 };
  }
  return undefined;
}
