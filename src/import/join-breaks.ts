// Paragraphs that a page break (or a hard line wrap) cut mid-sentence, joined again:
// 发挥群众监督、社会监督作 / 用，脚踏实地… → one paragraph.
import { HEADING, LIST_START, NO_LINE_START, SENTENCE_END } from './patterns.js';
import { splitAtSpace } from './item-parts.js';
import type { Block, ImportNote, PlaceWord } from './types.js';

/** Would this block start something (a heading, an item, a list entry) rather than continue a sentence? */
function startsSomething(b: Block): boolean {
  return HEADING.test(b.text) || !!b.headingStyle || !!b.lead || !!b.allBold || LIST_START.test(b.text) || !!splitAtSpace(b.text);
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text) || /[（(][^（）()]*[）)]$/.test(text);
}

export function joinBreaks(blocks: Block[], place: PlaceWord, notes: ImportNote[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    const paragraph = prev && !HEADING.test(prev.text) && !prev.headingStyle && !prev.allBold;
    // Hard-wrapped text: a line without an indent goes on with the paragraph above (quietly).
    const wrapped = paragraph && b.indented === false && !HEADING.test(b.text);
    // A mark that never starts a line (`。` alone after a page break) ends the paragraph above, whatever it ended with.
    const carried = paragraph && !wrapped && NO_LINE_START.test(b.text);
    const lastFull = prev?.lastFull ?? prev?.full;
    const broken = paragraph && !wrapped && (carried || ((!endsSentence(prev.text) || (lastFull && b.indented === undefined && /[。；！？]$/.test(prev.text))) && !startsSomething(b)));
    if (wrapped || broken) {
      const sep = /[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(b.text) ? ' ' : '';
      if (broken) notes.push({ at: prev.at, level: 'note', message: `joined with ${place} ${b.at}: the paragraph broke off mid-sentence (as at a page break)` });
      out[out.length - 1] = { ...prev, text: prev.text + sep + b.text, lastFull: b.full };
    } else out.push(b);
  }
  return out;
}
