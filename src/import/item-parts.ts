// An item's paragraph taken apart: the lead title, the body, the source unit in brackets.
import { isAlnum, isWs } from './patterns.js';

/** Longest lead title we accept; longer "titles" are sentences that happen to hold a space. */
const MAX_TITLE = 60;

/**
 * Title and body split at the first space, as text copied out of a PDF has them
 * (县供销社秋收未动检修先行 举办农业机械…). A space between a Han character and a digit or a
 * Latin letter is the typed Han–Latin gap (146 家), not a split, and is passed over.
 */
export function splitAtSpace(text: string): { title: string; body: string } | undefined {
  const chars = [...text];
  for (let i = 1; i < chars.length; i++) {
    if (!isWs(chars[i])) continue;
    let j = i;
    while (j < chars.length && isWs(chars[j])) j++;
    const left = chars[i - 1];
    const right = chars[j];
    if (right === undefined) return undefined;
    if (isAlnum(left) || isAlnum(right)) {
      i = j;
      continue;
    }
    const title = chars.slice(0, i).join('');
    const body = chars.slice(j).join('');
    return looksLikeTitle(title) ? { title, body } : undefined;
  }
  return undefined;
}

function looksLikeTitle(t: string): boolean {
  const n = [...t].length;
  return n >= 2 && n <= MAX_TITLE && !/[。！？!?；;]/.test(t) && !/[，、：,:（(“‘《]$/.test(t) && !/^[，。、；：）)”’》]/.test(t);
}

// Words that open an item's body and seldom end its title. The first list is nearly
// certain; the second is tried only when the first finds nothing.
const OPENERS = ['坚持', '利用', '通过', '采取', '围绕', '按照', '聚焦', '紧扣', '立足', '依托', '紧盯', '针对', '结合', '根据', '为切实', '为进一步', '为全面', '今年以来', '近年来', '近期', '近日', '日前', '自今年'];
const WEAK_OPENERS = ['建立', '举办', '组织', '成立', '开展', '高位推动', '迅速行动', '多措并举', '以'];
const MIN_TITLE = 8;

/**
 * No space between title and body (县医疗保障局…有保障坚持把…): guess the split before a word
 * that opens a body, inside the stretch before the first punctuation mark. Always a guess.
 */
export function guessTitle(text: string): { title: string; body: string; opener: string } | undefined {
  const chars = [...text];
  const firstMark = chars.findIndex((c) => /[，。、；：！？,.;:!?“”‘’（）()《》]/.test(c));
  const limit = Math.min(firstMark < 0 ? chars.length : firstMark, MAX_TITLE);
  for (const list of [OPENERS, WEAK_OPENERS]) {
    let best = -1;
    let opener = '';
    for (let i = MIN_TITLE; i < limit; i++) {
      const rest = chars.slice(i).join('');
      const w = list.find((o) => rest.startsWith(o));
      if (w) {
        best = i;
        opener = w;
      }
    }
    if (best > 0) return { title: chars.slice(0, best).join(''), body: chars.slice(best).join(''), opener };
  }
  return undefined;
}

/** Unit-like bracket content: a short name, no sentence punctuation, not a note (注：…). */
export function isUnitName(s: string): boolean {
  const t = s.trim();
  return [...t].length >= 1 && [...t].length <= 25 && !/[：:，,。；;、！？!?（）()]/.test(t) && !/^注/.test(t);
}

/**
 * The source unit: a bracket group at the very end of the item's last paragraph, after a
 * full stop (…3 个。（审计局）). A group not after a sentence end (（2024版）) or holding
 * punctuation (（注：…）) stays in the body; `maybe` says a unit-like group was left there.
 */
export function takeSource(para: string): { body: string; source?: string; maybe?: string } {
  const m = /^([\s\S]*?)[\s\u3000]*[（(]([^（）()]*)[）)][\s\u3000]*$/.exec(para);
  if (!m) return { body: para };
  const before = m[1].trimEnd();
  if (!isUnitName(m[2])) return { body: para };
  // After a sentence end, possibly inside closing quotes or a closing note: …。”（X） …。）（X）
  if (before === '' || /[。！？!?…][”’」』）)]*$/.test(before)) return { body: before, source: m[2].trim() };
  return { body: para, maybe: m[2].trim() };
}
