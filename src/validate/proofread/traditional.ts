// Traditional forms in simplified text (`《延津县衔接资金管理辦法》`): OpenCC's table of
// traditional characters and their simplified forms says which. A warning only: the
// author's text is printed as typed.
import TSCharacters from 'opencc-js/dict/TSCharacters';
import type { ParsedYaml } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import { textFields } from '../text-checks.js';
import { occurrence, warnAt, type Warning } from './warning.js';

let table: Map<string, string> | undefined;

/** Traditional character → its simplified form(s); characters that are also simplified are left out. */
function traditionalTable(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const entry of TSCharacters.split('|')) {
    const space = entry.indexOf(' ');
    const from = entry.slice(0, space);
    const to = entry.slice(space + 1);
    if (space > 0 && !to.split(' ').includes(from)) table.set(from, to.replaceAll(' ', ' or '));
  }
  return table;
}

export function traditionalWarnings(parsed: ParsedYaml, issue: Issue): Warning[] {
  const t = traditionalTable();
  const out: Warning[] = [];
  for (const f of textFields(issue)) {
    let i = 0;
    for (const ch of f.text) {
      const simplified = t.get(ch);
      if (simplified) {
        out.push(warnAt(parsed, f.path, ch, occurrence(f.text, ch, i), `"${ch}" is a traditional form in simplified text (simplified: ${simplified})`, `the text is printed as typed; if it is a slip, write ${simplified}`));
      }
      i += ch.length;
    }
  }
  return out;
}
