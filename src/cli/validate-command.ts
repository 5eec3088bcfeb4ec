// `yanjin-bulletin validate FILE|DIR|GLOB…`: every problem in every file, without rendering.
// It takes what `build` takes and checks every file, whichever fail. Besides the file's
// shape and values, the faces are opened and every character checked against them, and
// the issue is set onto pages as build sets it (no PDF is made), so a file that validates
// does not fail later for a missing glyph or furniture off its place; the proofreader's
// and the typesetter's warnings are printed too, and --strict counts them as errors.
import { byPosition, UsageError, UserError, type Problem } from '../errors.js';
import { checkLayout, prepareIssue, openFaces, textFields } from '../build-issue.js';
import { expandInputs } from '../batch/inputs.js';
import { checkFontPath } from './font-path.js';
import { checkCoverage } from '../fonts/coverage.js';
import { noticesFor } from '../load/load-file.js';
import { asErrors, formatWarning, type Warning } from '../validate/proofread/warning.js';

export interface ValidateFlags {
  style?: string;
  json?: boolean;
  quiet?: boolean;
  strict?: boolean;
  fontPath?: string[];
}

interface Checked {
  input: string;
  status: 'ok' | 'invalid';
  notices: string[];
  warnings: Warning[];
  problems: Problem[];
  /** The problems as printed. */
  message?: string;
}

export async function runValidate(args: string[], flags: ValidateFlags): Promise<number> {
  if (flags.style !== undefined && !flags.style.trim()) throw new UsageError('--style names a style file, and was given an empty name');
  checkFontPath(flags.fontPath);
  if (args.includes('-')) {
    const [{ readStdin, STDIN_NAME }, { giveInput }] = await Promise.all([import('../batch/stdio.js'), import('../load/load-file.js')]);
    giveInput(STDIN_NAME, await readStdin());
  }
  const { inputs, empty } = expandInputs(args, process.cwd(), flags.style ? [flags.style] : []);
  const results: Checked[] = [];
  for (const i of inputs) results.push(await checkOne(i.file, flags));
  if (flags.json) {
    const count = (s: Checked['status']) => results.filter((r) => r.status === s).length;
    const files = results.map(({ message: _m, ...r }) => r);
    process.stdout.write(JSON.stringify({ valid: count('ok'), invalid: count('invalid'), warnings: results.reduce((k, r) => k + r.warnings.length, 0), empty, files }, null, 2) + '\n');
  } else {
    for (const e of empty) process.stderr.write(`${e}: no issue files here\n`);
    for (const r of results) {
      for (const n of r.notices) process.stderr.write(`${r.input}: notice: ${n}\n`);
      for (const w of r.warnings) process.stderr.write(`${formatWarning(w)}\n`);
      if (r.message) process.stderr.write(`${r.message}\n`);
      else if (!flags.quiet) process.stdout.write(`${r.input}: ok${r.warnings.length ? ` (${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'})` : ''}\n`);
    }
  }
  return results.some((r) => r.status === 'invalid') ? 1 : 0;
}

async function checkOne(file: string, flags: ValidateFlags): Promise<Checked> {
  const r: Checked = { input: file, status: 'ok', notices: [], warnings: [], problems: [] };
  try {
    const opts = { styleFile: flags.style, fontPath: flags.fontPath };
    const p = prepareIssue(file, opts);
    r.notices.push(...p.notices);
    const book = await openFaces(p, opts);
    const missing = checkCoverage(textFields(p), book, file);
    const strictErrors = flags.strict ? asErrors(p.warnings) : [];
    if (missing.length || strictErrors.length) throw new UserError([...missing, ...strictErrors].sort(byPosition));
    // Set onto pages as build would (no PDF): what only the pages show (furniture off its
    // place, too many pages) fails here too, and the typesetter's warnings are said.
    const layoutWarnings = checkLayout(p, book, opts);
    if (flags.strict && layoutWarnings.length) throw new UserError(asErrors(layoutWarnings));
    // A file that fails says what failed; its warnings wait until it validates.
    r.warnings.push(...p.warnings, ...layoutWarnings);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    // A file read as GBK says so, most of all when something in it is wrong.
    if (!r.notices.length) r.notices.push(...noticesFor(file));
    r.status = 'invalid';
    r.problems = e.problems;
    r.message = e.message;
  }
  return r;
}
