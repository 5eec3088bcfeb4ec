// The issue's sections as blocks of grid lines: headings and paragraphs.
import type { Issue } from '../validate/schema.js';
import type { Style } from '../validate/style-schema.js';
import type { Shaper } from '../fonts/shaped-glyph.js';
import type { Geometry } from './geometry.js';
import { composeParagraph } from './paragraph.js';
import type { Line, Run } from './types.js';

export type BodyBlock =
  | { kind: 'heading'; section: number; title: string; lines: Line[] }
  | { kind: 'para'; section: number; item: number; lines: Line[] };

/** Paragraphs of a body: blank lines separate them; single newlines inside are joined. */
export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => joinLines(p))
    .filter((p) => p.length > 0);
}

function joinLines(p: string): string {
  const parts = p.split('\n').map((l) => l.trim()).filter(Boolean);
  let out = '';
  for (const part of parts) {
    // Latin words wrapped in the file keep a space; Chinese lines join directly.
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(part)) out += ' ';
    out += part;
  }
  return out;
}

/**
 * The lead title as runs: its last two characters are kept together, so a title that
 * wraps does not leave one bold character alone at the head of the next line. The cost
 * of that break outweighs a line stretched well past the 0.05 em spacing target.
 */
const TITLE_TAIL_PENALTY = 1000;

function leadRuns(title: string, size: number): Run[] {
  const chars = [...title];
  if (chars.length < 4) return [{ text: title, role: 'lead', size }];
  return [
    { text: chars.slice(0, -2).join(''), role: 'lead', size },
    { text: chars.slice(-2).join(''), role: 'lead', size, keep: TITLE_TAIL_PENALTY },
  ];
}

export function headingText(heading: string): string {
  const h = heading.trim();
  return h.startsWith('【') && h.endsWith('】') ? h : `【${h}】`;
}

export function composeBody(issue: Issue, style: Style, geo: Geometry, shaper: Shaper): BodyBlock[] {
  const size = style.size.body;
  const pitchRatio = geo.charPitch / size;
  const cell = geo.charPitch;
  const blocks: BodyBlock[] = [];
  issue.sections.forEach((sec, si) => {
    const title = headingText(sec.heading);
    const hs = style.size.heading;
    const heading = composeParagraph([{ text: title, role: 'heading', size: hs }], { width: geo.width, pitchRatio: geo.charPitch / size, justify: false }, shaper);
    blocks.push({ kind: 'heading', section: si, title: sec.heading.replace(/^【|】$/g, ''), lines: heading.lines });
    sec.items.forEach((item, ii) => {
      const paras = splitParagraphs(item.body);
      paras.forEach((p, pi) => {
        const runs: Run[] = [];
        if (pi === 0 && item.title) {
          runs.push(...leadRuns(item.title, size));
          runs.push({ text: p, role: 'body', size, gapBefore: cell, gapAtLineStart: true });
        } else {
          runs.push({ text: p, role: 'body', size });
        }
        if (pi === paras.length - 1 && item.source) runs.push({ text: `（${item.source}）`, role: 'source', size, keep: true, alone: true });
        const para = composeParagraph(runs, { width: geo.width, indent: 2 * cell, pitchRatio }, shaper);
        blocks.push({ kind: 'para', section: si, item: ii, lines: para.lines });
      });
    });
  });
  return blocks;
}
