// Errors a user can act on: each problem names the file, line, column and field.
// Anything that is not a UserError is a bug and is reported as one (stack with --debug).

export interface Problem {
  file: string;
  line?: number;
  col?: number;
  /** Field path in the user's terms, e.g. sections[0].items[2].title */
  field?: string;
  message: string;
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.col].filter((x) => x !== undefined).join(':');
  const field = p.field ? `${p.field}: ` : '';
  const hint = p.hint ? `\n    hint: ${p.hint}` : '';
  return `${where}: ${field}${p.message}${hint}`;
}

/** File order: by line, then column (a problem without a place first). */
export const byPosition = (a: { line?: number; col?: number }, b: { line?: number; col?: number }): number => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0);

/** Problems printed at most; past that the rest are counted (all stay in `problems`). */
export const MAX_SHOWN = 50;

function formatAll(list: Problem[]): string {
  const shown = list.slice(0, MAX_SHOWN).map(formatProblem);
  const rest = list.length - shown.length;
  if (rest > 0) shown.push(`${list[MAX_SHOWN].file}: … and ${rest} more problem${rest === 1 ? '' : 's'}; fix these first`);
  return shown.join('\n');
}

export class UserError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(formatAll(list));
    this.name = 'UserError';
    this.problems = list;
  }
}

/** A problem with the command line itself (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function pathToField(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const k of path) {
    if (typeof k === 'number') s += `[${k}]`;
    else s += s ? `.${String(k)}` : String(k);
  }
  return s;
}
