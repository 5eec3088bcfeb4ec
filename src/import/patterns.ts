// The shapes of a bulletin's lines as they appear in text copied out of a PDF or a Word file.

/** 【优化营商环境】, possibly with the first item run on after it. */
export const HEADING = /^【\s*([^【】]+?)\s*】\s*(.*)$/s;

/** 第 38 期, 第38期（总第456期）, 第 38 期 总第 456 期, 第三十八期. */
export const ISSUE_LINE = /^第\s*([0-9０-９〇零一二两三四五六七八九十百千]+)\s*期\s*(?:[（(]?\s*总第\s*([0-9０-９〇零一二两三四五六七八九十百千]+)\s*期\s*[）)]?)?$/;

/** 2023 年 8 月 25 日, 2023年08月25日, 二〇二三年八月二十五日, 2023-08-25, 2023.8.25 — at the end of a line. */
export const DATE_AT_END = /(?:^|\s)((?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９〇零一二三四五六七八九十]{1,3}\s*日|\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2})$/;

/** 本期发：…, 本期报：…, 本期送：…, 本期增发：…, 报：…, 送：…, 抄送：… */
export const DISTRIBUTION = /^(本期(?:增发|发|报|送)|报送|抄送|抄报|报|送|发)\s*[：:]\s*(.*)$/s;

/** 共印 120 份 */
export const COPIES = /共印\s*([0-9０-９]+)\s*份/;

/** The roles a staff line names (责任编辑：李勉); other `word：text` lines are not staff. */
export const STAFF_ROLE = /^(?:责任编辑|执行编辑|值班编辑|编辑|责编|主编|副主编|总编|编审|编校|审核|审稿|审定|初审|复审|终审|签发|校对|核稿|撰稿|供稿|排版|校核)$/;

/** One `role：name` entry of a staff line; the role is short and has no spaces. */
export const STAFF_ENTRY = /(?:^|[\s\u3000]+)([^\s\u3000：:，。,]{1,8})[：:]/g;

/** Page numbers left in text copied out of a PDF: — 1 —, - 2 -, －3－. */
export const FOLIO = /^[—–\-－]\s*[0-9０-９]+\s*[—–\-－]$/;

/** A paragraph that ends a sentence (possibly inside closing quotes or brackets). */
export const SENTENCE_END = /[。！？!?…；;：:][”’"'」』）)】》〕\]]*$/;

/**
 * Marks that never start a printed line (clreq): a line of text copied out of a PDF that
 * starts with one (a `。` carried past a page break) goes on with the paragraph above.
 */
export const NO_LINE_START = /^[，。、；：？！）】」』”’》〉〕…·％‰℃,.;:?!)\]]/;

/** Whitespace of every kind that offices type (ASCII, ideographic, no-break). */
const WS = /[\s\u3000\u00a0]/;

/** List markers that open a new paragraph: （一） 一、 1. 1． 一是 */
export const LIST_START = /^(?:[（(][一二三四五六七八九十0-9０-９]+[）)]|[一二三四五六七八九十]+、|[0-9０-９]+(?:[．、]|\.(?![0-9]))|[一二三四五六七八九十]是)/;

const HAN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 38, ３８, 三十八, 一百零五, 二〇二三 → the number; undefined when it is not one. */
export function readNumber(s: string): number | undefined {
  const t = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^[〇零一二三四五六七八九]{2,}$/.test(t) && !t.includes('十')) return Number([...t].map((c) => HAN_DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const c of t) {
    if (c in HAN_DIGITS) {
      digit = HAN_DIGITS[c];
      seen = true;
    } else if (c === '十' || c === '百' || c === '千') {
      const unit = c === '十' ? 10 : c === '百' ? 100 : 1000;
      total += (digit || 1) * unit;
      digit = 0;
      seen = true;
    } else return undefined;
  }
  return seen ? total + digit : undefined;
}

/** A date line → YYYY-MM-DD (not checked against the calendar here). */
export function readDate(s: string): string | undefined {
  const m = /^(.+?)\s*[年\-./]\s*(.+?)\s*[月\-./]\s*(.+?)\s*日?$/.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [readNumber(m[1]), readNumber(m[2]), readNumber(m[3])];
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const isWs = (c: string | undefined) => c !== undefined && WS.test(c);

/** Latin letters and digits (ASCII and full-width): the side of a space that is a typed Han–Latin gap. */
export const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９%％.]/.test(c);
