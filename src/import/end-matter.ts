// The end block: the distribution line (本期发：…，…。 共印 N 份) and the staff lines
// (责任编辑：李 勉  审核：原超俊).
import type { Distribution, Staff } from '../validate/schema.js';
import { COPIES, DISTRIBUTION, STAFF_ENTRY, STAFF_ROLE, readNumber } from './patterns.js';

const OPEN = '（(【[《〈“‘「『';
const CLOSE = '）)】]》〉”’」』';

/** Recipients split on ， (and ,) outside brackets: 各乡（镇）政府、街道办事处主要领导 stays whole. */
export function splitRecipients(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of list) {
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === '，' || c === ',')) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

export function isDistributionLine(text: string): boolean {
  return DISTRIBUTION.test(text);
}

/** The distribution text (its lines already joined) → the schema's distribution. */
export function readDistribution(text: string): Distribution {
  const m = DISTRIBUTION.exec(text);
  const label = m ? m[1] : '本期发';
  let rest = m ? m[2] : text;
  let copies: number | undefined;
  const cm = COPIES.exec(rest);
  if (cm) {
    copies = readNumber(cm[1]);
    rest = rest.slice(0, cm.index) + rest.slice(cm.index + cm[0].length);
  }
  // The closing 。 is printed by the typesetter; the list holds only the names.
  const list = rest.trim().replace(/[。.；;]+$/, '').trim();
  const to = splitRecipients(list);
  return { label, to, ...(copies ? { copies } : {}) };
}

/** A staff line → its entries; undefined when the line is not one (every part must be role：name). */
export function readStaffLine(text: string): Staff[] | undefined {
  const entries: Staff[] = [];
  const matches = [...text.matchAll(STAFF_ENTRY)];
  if (!matches.length || matches[0].index !== 0) return undefined;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    const start = (m.index ?? 0) + m[0].length;
    const end = k + 1 < matches.length ? matches[k + 1].index : text.length;
    const name = squeezeName(text.slice(start, end));
    if (!name || !STAFF_ROLE.test(m[1])) return undefined;
    entries.push({ role: m[1], name });
  }
  return entries;
}

/** 李 勉 → 李勉: spaces typed to widen a two-character name go; spaces between Latin words stay. */
function squeezeName(s: string): string {
  return s.trim().replace(/[\s\u3000\u00a0]+/g, (ws, at: number, all: string) => (/[A-Za-z]/.test(all[at - 1] ?? '') && /[A-Za-z]/.test(all[at + ws.length] ?? '') ? ' ' : ''));
}
