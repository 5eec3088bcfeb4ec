// Traditional forms in simplified text (`《延津县衔接资金管理辦法》`): OpenCC's table of
// traditional characters and their simplified forms says which. A warning only: the
// author's text is printed as typed.
import TSCharacters from 'opencc-js/dict/TSCharacters';
import type { ParsedYaml } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import { textFields } from '../text-checks.js';
import { occurrence, warnAt, type Warning } from './warning.js';

/** Where each entry of OpenCC's table ("㑯 㑔|㑳 㑇|…", sorted by character) begins. */
let starts: Int32Array | undefined;
const known = new Map<string, string | undefined>();

/**
 * The simplified form(s) of a traditional character, or undefined (a character that is
 * also simplified, such as 著, is not one). Found by binary search in the table's text
 * rather than a Map of its 3,500 entries built at every start (~5 ms of a one-issue
 * build); tests/proofread/traditional-table.test.ts checks that the table is sorted.
 */
export function simplifiedOf(ch: string): string | undefined {
  if (known.has(ch)) return known.get(ch);
  const T = TSCharacters;
  starts ??= entryStarts(T);
  let found: string | undefined;
  for (let lo = 0, hi = starts.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    const space = T.indexOf(' ', starts[mid]);
    const key = T.slice(starts[mid], space);
    if (key < ch) lo = mid + 1;
    else if (key > ch) hi = mid - 1;
    else {
      const forms = T.slice(space + 1, mid + 1 < starts.length ? starts[mid + 1] - 1 : T.length).split(' ');
      found = forms.includes(ch) ? undefined : forms.join(' or ');
      break;
    }
  }
  known.set(ch, found);
  return found;
}

function entryStarts(T: string): Int32Array {
  const out = [0];
  for (let i = T.indexOf('|'); i >= 0; i = T.indexOf('|', i + 1)) out.push(i + 1);
  return Int32Array.from(out);
}

export function traditionalWarnings(parsed: ParsedYaml, issue: Issue): Warning[] {
  const out: Warning[] = [];
  for (const f of textFields(issue)) {
    let i = 0;
    for (const ch of f.text) {
      const simplified = ch.charCodeAt(0) >= 0x3400 ? simplifiedOf(ch) : undefined;
      if (simplified) {
        out.push(warnAt(parsed, f.path, ch, occurrence(f.text, ch, i), `"${ch}" is a traditional form in simplified text (simplified: ${simplified})`, `the text is printed as typed; if it is a slip, write ${simplified}`));
      }
      i += ch.length;
    }
  }
  return out;
}
