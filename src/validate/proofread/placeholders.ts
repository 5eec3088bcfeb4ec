// What `new` leaves for the clerk to fill in: the 待填写 placeholders, and the date line
// it wrote as the day the file was made.
import type { ParsedYaml } from '../../load/parse-yaml.js';
import { locate } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import { textFields } from '../text-checks.js';
import { warnAt, type Warning } from './warning.js';

const PLACEHOLDER_MARK = '待填写';

/** The comment `new` puts after a date it took from the calendar, naming that day. */
const MADE_ON = /#.*\bmade on (\d{4}-\d{2}-\d{2})\b/;

export function placeholderWarnings(parsed: ParsedYaml, issue: Issue): Warning[] {
  const out: Warning[] = [];
  for (const f of textFields(issue)) {
    if (!f.text.includes(PLACEHOLDER_MARK)) continue;
    const shown = f.text.length > 30 ? `${f.text.slice(0, 30)}…` : f.text;
    out.push(warnAt(parsed, f.path, PLACEHOLDER_MARK, 0, `a placeholder left by "new" is still here: "${shown.trim()}"`, 'write the real text in its place (or delete the entry) before printing'));
  }
  const at = locate(parsed, ['masthead', 'date']);
  const line = parsed.text.split('\n')[at.line - 1] ?? '';
  const made = MADE_ON.exec(line)?.[1];
  if (made && made === issue.masthead.date) {
    out.push({
      file: parsed.file,
      ...at,
      field: 'masthead.date',
      message: `the date is still ${made}, the day "new" made this file`,
      hint: 'write the issue date; then delete the comment after it',
    });
  }
  return out;
}
