// Command-line arguments (files, folders, globs) to the list of issue files to build,
// each with the path that --out-dir mirrors and --shard hashes.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { MAX_INPUT_BYTES } from '../load/decode.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { globFiles, isGlob } from './glob.js';
import { STDIN_NAME } from './stdio.js';

export interface Input {
  /** The file as the user would name it (relative to the working folder when inside it). */
  file: string;
  /** Absolute path, the key for duplicates. */
  abs: string;
  /**
   * The path below the argument it came from, with `/`: below the folder for a folder,
   * below the fixed part for a glob, below the common folder of the plain files.
   */
  rel: string;
}

const ISSUE_EXT = /\.ya?ml$/i;
/**
 * An issue file has a top-level `masthead:` key; a style file in the same folder has not.
 * Typed with a full-width colon it is still one (the loader names the slip).
 */
const MASTHEAD = /^\uFEFF?["']?masthead["']?[ \t]*[:：]/m;

/**
 * Whether a .yaml file is an issue. One that cannot be told (unreadable, larger than an
 * issue may be) counts as one, so that building it says what is wrong instead of the
 * batch leaving it out unsaid; UTF-16 text is read without its zero bytes (and BOM), for the same end.
 */
function isIssueFile(path: string): boolean {
  try {
    if (statSync(path).size > MAX_INPUT_BYTES) return true;
    return MASTHEAD.test(readFileSync(path, 'utf8').replace(/[\0\uFFFD]/g, ''));
  } catch {
    return true;
  }
}

/**
 * Every file below `dir` (not following hidden folders or node_modules), sorted; hidden
 * files too when asked (the build records beside the PDFs are). Symbolic links are
 * followed, each folder visited once.
 */
export function walk(dir: string, hiddenFiles = false): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (d: string) => {
    let entries;
    try {
      const real = realpathSync(d);
      if (seen.has(real)) return;
      seen.add(real);
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      let kind: { isFile(): boolean; isDirectory(): boolean } = e;
      if (e.isSymbolicLink()) {
        try {
          kind = statSync(p);
        } catch {
          continue; // a dangling link or a loop
        }
      }
      if (e.name === 'node_modules' || (e.name.startsWith('.') && !(hiddenFiles && kind.isFile()))) continue;
      if (kind.isDirectory()) visit(p);
      else if (kind.isFile()) out.push(p);
    }
  };
  visit(dir);
  return out;
}

const posix = (p: string) => p.split(sep).join('/');

export interface Expanded {
  inputs: Input[];
  /** Arguments that matched no issue file: said once, not an error unless nothing matched. */
  empty: string[];
  /** True when an argument was a folder or a glob: a batch even if one file matched. */
  batch: boolean;
}

/** The issue files that `args` name (files, folders, globs), less `exclude`; none is a usage error. */
export function expandInputs(args: string[], cwd = process.cwd(), exclude: string[] = []): Expanded {
  const seen = new Set(exclude.map((e) => resolve(cwd, e)));
  const inputs: Input[] = [];
  const plain: Input[] = [];
  const empty: string[] = [];
  let batch = false;
  const add = (abs: string, rel: string, list: Input[]) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const r = relative(cwd, abs);
    const file = r && !r.startsWith('..') ? r : abs;
    list.push({ file, abs, rel: posix(rel) });
  };
  for (const arg of args) {
    // resolve() reads "" as the working folder: an empty name (an unset shell variable) would build all of it.
    if (!arg.trim()) throw new UsageError(`an input was given as an empty name ("${arg}"); name an issue file, a folder or a glob`);
    if (arg === '-') {
      inputs.push({ file: STDIN_NAME, abs: STDIN_NAME, rel: 'stdin.yaml' });
      continue;
    }
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      batch = true;
      const before = inputs.length;
      for (const f of walk(abs)) if (ISSUE_EXT.test(f) && isIssueFile(f)) add(f, relative(abs, f), inputs);
      if (inputs.length === before) empty.push(arg);
    } else if (!st && isGlob(arg)) {
      batch = true;
      const { baseAbs, files } = globFiles(arg, cwd);
      const before = inputs.length;
      for (const f of files) if (!ISSUE_EXT.test(f) || isIssueFile(f)) add(f, relative(baseAbs, f), inputs);
      if (inputs.length === before) empty.push(arg);
    } else {
      // A plain file (or a missing one: building it reports that, with the others going on).
      add(abs, abs, plain);
    }
  }
  // Plain files mirror from their common folder, so `a/x.yaml b/y.yaml` keep a/ and b/.
  if (plain.length) {
    const common = commonDir(plain.map((p) => dirname(p.abs)));
    for (const p of plain) p.rel = posix(relative(common, p.abs));
    inputs.push(...plain);
  }
  if (inputs.length === 0) throw noIssueFiles(args, cwd, exclude);
  return { inputs, empty, batch };
}

/** Nothing to build or check: say why, naming a style file given as an input too. */
function noIssueFiles(args: string[], cwd: string, exclude: string[]): UsageError {
  const style = args.find((a) => exclude.some((e) => resolve(cwd, e) === resolve(cwd, a)));
  if (style) return new UsageError(`${style} is the style file given with --style, not an issue file; name the issue files too`);
  return new UsageError(`no issue files in ${args.join(' ')} (an issue file is a .yaml file with a top-level masthead: key)`);
}

function commonDir(dirs: string[]): string {
  let parts = dirs[0].split(sep);
  for (const d of dirs.slice(1)) {
    const q = d.split(sep);
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

/** Where each input's PDF goes. */
export function outputFor(input: Input, outDir: string | undefined): string {
  const pdf = (p: string) => p.replace(/\.(ya?ml|txt)$/i, '') + '.pdf';
  return outDir ? join(outDir, ...pdf(input.rel).split('/')) : pdf(input.file);
}

/** Two inputs must not write the same PDF (a.yaml and a.yml, or mirrored folders). */
export function checkCollisions(pairs: Array<{ input: Input; out: string }>): void {
  const by = new Map<string, string>();
  for (const { input, out } of pairs) {
    const key = resolve(out);
    const prev = by.get(key);
    if (prev) throw new UsageError(`${prev} and ${input.file} would both write ${out}`);
    by.set(key, input.file);
  }
}
