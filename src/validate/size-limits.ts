// How much an issue may hold: composing costs memory in proportion to the text, and a
// 9.6 MB issue (some 5,000 pages) ran V8 out of memory. So the size is checked before any
// composing starts: no paragraph longer than MAX_PARAGRAPH_CHARS, no other field longer
// than MAX_FIELD_CHARS, and an estimate of the pages (which never exceeds the real count:
// it counts full lines only) within MAX_PAGES. The real count is checked again after
// pagination (build-issue.ts).
import { pathToField, type Problem } from '../errors.js';
import { locate, type ParsedYaml } from '../load/parse-yaml.js';
import type { Issue } from './schema.js';

export const MAX_PAGES = 1000;
/** About 400 pages of one paragraph. */
const MAX_PARAGRAPH_CHARS = 250_000;
/** Titles, headings, names: a line or a few, never a book. */
const MAX_FIELD_CHARS = 10_000;

const count = (n: number) => n.toLocaleString('en');

export function tooManyPages(pages: number, estimated = false): string {
  return `the issue ${estimated ? 'would run to at least' : 'runs to'} ${count(pages)} pages; an issue may have at most ${count(MAX_PAGES)}: split it into several issues`;
}

export function sizeProblems(parsed: ParsedYaml, issue: Issue, grid: { lines: number; chars: number }): Problem[] {
  const out: Problem[] = [];
  const at = (path: PropertyKey[]) => ({ file: parsed.file, ...locate(parsed, path), field: pathToField(path) });
  const checkField = (path: PropertyKey[], text: string | undefined) => {
    if (text && text.length > MAX_FIELD_CHARS) out.push({ ...at(path), message: `is ${count(text.length)} characters long; this field may have at most ${count(MAX_FIELD_CHARS)}` });
  };
  checkField(['masthead', 'title'], issue.masthead.title);
  checkField(['masthead', 'publisher'], issue.masthead.publisher);
  checkField(['masthead', 'mark'], issue.masthead.mark);
  let lines = 0;
  issue.sections.forEach((s, si) => {
    checkField(['sections', si, 'heading'], s.heading);
    lines += fullLines(s.heading, grid.chars);
    s.items.forEach((it, ii) => {
      checkField(['sections', si, 'items', ii, 'title'], it.title);
      checkField(['sections', si, 'items', ii, 'source'], it.source);
      // A blank line separates paragraphs (compose/body.ts); the lines of one are joined there.
      for (const p of it.body.split(/\n[ \t\u3000]*\n/)) {
        if (p.length > MAX_PARAGRAPH_CHARS) {
          out.push({
            ...at(['sections', si, 'items', ii, 'body']),
            message: `a paragraph of ${count(p.length)} characters; a paragraph may have at most ${count(MAX_PARAGRAPH_CHARS)}`,
            hint: 'a blank line between two lines of the body starts a new paragraph',
          });
        }
        lines += fullLines(p, grid.chars);
      }
    });
  });
  const pages = Math.floor(lines / grid.lines);
  if (pages > MAX_PAGES) out.push({ ...at(['sections']), message: tooManyPages(pages, true) });
  return out;
}

/** Lines `text` fills completely: a Han character or full-width mark takes a grid cell, other characters half of one, at most. */
function fullLines(text: string, cells: number): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += text.charCodeAt(i) < 0x1100 ? 0.5 : 1;
  return Math.floor(width / cells);
}
