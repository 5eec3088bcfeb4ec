// `yanjin-bulletin new [--from LAST.yaml] [-o FILE] [--force]`
import { dirname, join } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { loadYamlFile } from '../load/load-file.js';
import { validateIssue } from '../validate/validate.js';
import { isRealDate, issueSchema, type Issue } from '../validate/schema.js';
import { nextIssue, templateYaml, today } from '../import/new-issue.js';
import { guessNextDate, issuesBeside } from '../import/next-date.js';
import { refuseOverwrite, writeText } from './import-command.js';
import { parse } from 'yaml';

export interface NewFlags {
  from?: string;
  output?: string;
  force?: boolean;
}

export async function runNew(flags: NewFlags): Promise<number> {
  const date = today();
  if (!isRealDate(date)) throw new UsageError(`YB_TODAY must be a date written YYYY-MM-DD, not "${date}"`);
  if (flags.from !== undefined && !flags.from.trim()) throw new UsageError('--from names the last issue file, and was given an empty name');
  let last: Issue | undefined;
  if (flags.from) {
    const loaded = loadYamlFile(flags.from);
    const v = validateIssue(loaded);
    if (!v.issue) throw new UserError(v.problems);
    // The style block as written (validation fills in every default, which would bloat the file).
    const style = (loaded.data as { style?: Issue['style'] }).style;
    last = { ...v.issue, style };
    if (!style) delete last.style;
  }
  // After a last issue, its rhythm says the date better than the calendar does.
  const guess = last && flags.from ? guessNextDate(last.masthead, issuesBeside(flags.from), date) : undefined;
  const issue = nextIssue(last, guess?.date ?? date);
  const out = flags.output ?? (flags.from ? join(dirname(flags.from), `issue${issue.masthead.issue}.yaml`) : 'new-issue.yaml');
  refuseOverwrite(out, flags.force);
  const yaml = templateYaml(issue, flags.from, guess ? `guessed: ${guess.why}; check it` : `made on ${date} by new: change it to the issue date`);
  // The template must itself be a valid issue file.
  const check = issueSchema.safeParse(parse(yaml));
  if (!check.success) throw new Error(`the template does not validate: ${check.error.message}`);
  writeText(out, yaml);
  const when = guess ? ` (${guess.why}; check it)` : ' (today; change it to the issue date)';
  process.stdout.write(`${out}: 第 ${issue.masthead.issue} 期, ${issue.masthead.date}${when}; fill in the parts marked 待填写\n`);
  return 0;
}
