// Text (as copied out of a PDF, or saved from Word as .txt) → blocks: one a non-empty line.
import type { Block } from './types.js';

export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t) out.push({ text: t, at: i + 1 });
  });
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
