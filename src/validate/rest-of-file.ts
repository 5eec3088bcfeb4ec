// An issue file with a syntax error the loader could read past (indentation typed with
// tabs or full-width spaces): its syntax problems, and the schema problems of the rest of
// the file, at once, so one run shows the clerk everything to fix.
import { byPosition, UserError } from '../errors.js';
import { loadYamlFile, YamlSyntaxError, type Loaded } from '../load/load-file.js';
import { validateIssue } from './validate.js';

export function loadIssueFile(file: string): Loaded {
  try {
    return loadYamlFile(file);
  } catch (e) {
    if (!(e instanceof YamlSyntaxError) || !e.recovered) throw e;
    const { parsed, repairedLines } = e.recovered;
    const rest = validateIssue(parsed).problems.filter((p) => p.line !== undefined && !repairedLines.has(p.line));
    if (!rest.length) throw e;
    throw new UserError([...e.problems, ...rest].sort(byPosition));
  }
}
