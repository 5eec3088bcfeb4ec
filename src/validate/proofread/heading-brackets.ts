// Brackets typed into a heading: the program adds 【】 unless they are typed, so
// `heading: "[安全生产]"` prints 【[安全生产]】.
import type { ParsedYaml } from '../../load/parse-yaml.js';
import { locate } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import type { Warning } from './warning.js';

/** Opening and closing brackets other than 【】 that a heading may come wrapped in. */
const WRAPPED = /^\s*([[［〔(（<〈《「『{])(.*?)([\]］〕)）>〉》」』}])\s*$/;

export function headingBracketWarnings(parsed: ParsedYaml, issue: Issue): Warning[] {
  const out: Warning[] = [];
  issue.sections.forEach((sec, si) => {
    const m = WRAPPED.exec(sec.heading);
    if (!m) return;
    out.push({
      file: parsed.file,
      ...locate(parsed, ['sections', si, 'heading']),
      field: `sections[${si}].heading`,
      message: `the heading is typed in brackets, so it prints 【${sec.heading.trim()}】`,
      hint: `write heading: ${m[2]} (the 【】 are added), or 【${m[2]}】`,
    });
  });
  return out;
}
