// Paired marks that do not pair up within a field: “ without ”, 《 without 》, （ without
// ）, 【 without 】. Each kind is counted on its own, so one slip is reported once.
import type { ParsedYaml } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import { textFields } from '../text-checks.js';
import { occurrence, warnAt, type Warning } from './warning.js';

const PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['《', '》'],
  ['（', '）'],
  ['【', '】'],
];

export function pairWarnings(parsed: ParsedYaml, issue: Issue): Warning[] {
  const out: Warning[] = [];
  for (const f of textFields(issue)) {
    for (const [open, close] of PAIRS) {
      const opens: number[] = [];
      for (let i = 0; i < f.text.length; i++) {
        const ch = f.text[i];
        if (ch === open) opens.push(i);
        else if (ch === close && opens.length) opens.pop();
        else if (ch === close) {
          out.push(warnAt(parsed, f.path, close, occurrence(f.text, close, i), `"${close}" closes a "${open}" that was never opened`, `type the opening "${open}" where it belongs, or delete this "${close}"`));
        }
      }
      for (const i of opens) {
        out.push(warnAt(parsed, f.path, open, occurrence(f.text, open, i), `"${open}" is never closed: no "${close}" follows it in this field`, `type the closing "${close}" where the quotation or title ends`));
      }
    }
  }
  return out;
}
