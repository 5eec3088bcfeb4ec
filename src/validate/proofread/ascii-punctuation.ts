// ASCII punctuation typed inside Chinese text (`县委,县政府`, `通知:`, `乡村(振兴局)`):
// printed half-width, it looks like a typing slip. Digits and Latin words keep theirs
// (`1,600`, `95.6 Mbps`), so a mark counts only with Chinese on both sides.
import type { ParsedYaml } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import { textFields } from '../text-checks.js';
import { occurrence, warnAt, type Warning } from './warning.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };
const ASCII_MARK = /[,:;!?()"]/g;
const HAN = /\p{Script=Han}/u;
/** Chinese on that side: a Han character, full-width punctuation, or the start or end of the field. */
const CHINESE_SIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]/u;

export function asciiPunctuationWarnings(parsed: ParsedYaml, issue: Issue): Warning[] {
  const out: Warning[] = [];
  for (const f of textFields(issue)) {
    let quotes = 0;
    for (const m of f.text.matchAll(ASCII_MARK)) {
      const i = m.index!;
      const mark = m[0];
      const before = f.text[i - 1];
      const after = f.text[i + 1];
      const isQuote = mark === '"';
      if (isQuote) quotes++;
      const chinese = (c: string | undefined) => c === undefined || c === '\n' || CHINESE_SIDE.test(c);
      // One side Han, the other Chinese too: never a number or a Latin word.
      if (!((HAN.test(before ?? '') && chinese(after)) || (HAN.test(after ?? '') && chinese(before)))) continue;
      const full = isQuote ? (quotes % 2 === 1 ? '“' : '”') : FULL_WIDTH[mark];
      out.push(warnAt(parsed, f.path, mark, occurrence(f.text, mark, i), `ASCII "${mark}" inside Chinese text`, `type the full-width "${full}"`));
    }
  }
  return out;
}
