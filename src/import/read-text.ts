// Text (as copied out of a PDF, or saved from Word as .txt) → blocks: one a non-empty line.
import type { Block } from './types.js';

export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t) out.push({ text: t, at: i + 1 });
  });
  // Text copied from a justified PDF: a sentence ending at the end of a full line (…有序开展。
  // / 2023 年，…) goes on with the next line; the last line of a paragraph is seldom full.
  const widths = new Map<number, number>();
  for (const b of out) widths.set(Math.round(cells(b.text)), (widths.get(Math.round(cells(b.text))) ?? 0) + 1);
  const usual = [...widths].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 0;
  for (const b of out) if (usual >= 20 && cells(b.text) >= usual - 0.75) b.full = true;
  if (isHardWrapped(lines)) {
    // One printed line a line: the indent (two spaces, 　　) is all that marks a new paragraph.
    for (const b of out) b.indented = /^[\s\u3000]{2,}|^\u3000/.test(lines[b.at - 1]);
  }
  return out;
}

/** Lines mostly follow each other without blank lines between, and paragraphs are indented. */
function isHardWrapped(lines: string[]): boolean {
  let adjacent = 0;
  let separated = 0;
  let indented = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    if (lines[i - 1].trim()) adjacent++;
    else separated++;
    if (/^[\s\u3000]{2,}\S|^\u3000/.test(lines[i])) indented++;
  }
  return adjacent > separated && indented >= 2 && indented < adjacent;
}

/** A line's width in character cells: Han and full-width marks one, other letters and
 * digits half, a space (the gap between Han and Latin) a quarter. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += ch === ' ' ? 0.25 : ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return n;
}
