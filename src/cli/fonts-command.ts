// `yanjin-bulletin fonts [--style FILE] [ISSUE.yaml]`: each role and the faces it resolved
// to, in fallback order; with an issue, every character no face of its role has, with
// where it stands. Exit 1 when a character is missing, so it can gate a build.
import { formatProblem, UsageError, UserError } from '../errors.js';
import { prepareIssue, openFaces, textFields, fontFolders, type BuildOptions } from '../build-issue.js';
import { checkFontPath } from './font-path.js';
import { bundledFamilies } from '../fonts/bundled.js';
import { loadYamlFile } from '../load/load-file.js';
import { STYLE_FILE } from '../load/decode.js';
import { validateStyleFile, resolveStyle } from '../validate/validate.js';
import { ROLES } from '../validate/style-schema.js';
import { openFontBook, type FontBook } from '../fonts/font-book.js';
import { FaceError } from '../fonts/open-face.js';
import type { RoleFace } from '../fonts/shaped-glyph.js';
import { faceOrigins } from '../fonts/entry-origin.js';
import { FaceLookup } from '../fonts/lookup.js';
import { checkCoverage } from '../fonts/coverage.js';

export async function runFonts(issue: string | undefined, flags: { style?: string; fontPath?: string[] }): Promise<number> {
  const out: string[] = [];
  let book: FontBook;
  let missing: string[] = [];
  if (flags.style !== undefined && !flags.style.trim()) throw new UsageError('--style names a style file, and was given an empty name');
  if (issue !== undefined && !issue.trim()) throw new UsageError('fonts takes an issue file, and was given an empty name');
  const opts: BuildOptions = { styleFile: flags.style, fontPath: checkFontPath(flags.fontPath) };
  if (issue) {
    const p = prepareIssue(issue, opts);
    book = await openFaces(p, opts);
    missing = checkCoverage(textFields(p), book, issue).map((x) => formatProblem(x));
  } else {
    book = await styleOnlyBook(opts);
  }
  for (const role of ROLES) {
    out.push(`${role}:`);
    book.chains[role].forEach((f, i) => out.push(`  ${i + 1}. ${describe(f)}`));
  }
  // As `typst fonts` does: every family a style may name, wherever it was found.
  const families = [...bundledFamilies().map((family) => ({ family, source: 'bundled' })), ...new FaceLookup(fontFolders(issue, opts)).installedFamilies()];
  const seen = new Set<string>();
  const listed = families.filter((f) => !seen.has(f.family) && seen.add(f.family));
  out.push('', `families installed (${listed.length}):`, ...listed.map((f) => `  ${f.family}  (${f.source})`));
  if (issue) {
    out.push('');
    if (missing.length) out.push(`characters no face covers (${missing.length}):`, ...missing.map((m) => `  ${m}`));
    else out.push('every character of the issue has a glyph in a face of its role');
  }
  process.stdout.write(out.join('\n') + '\n');
  return missing.length ? 1 : 0;
}

function describe(f: RoleFace): string {
  const how = [f.source ?? 'file', f.fakeBold ? 'fake bold' : '', f.face.note ?? ''].filter(Boolean).join(', ');
  return `${f.face.postscriptName}  ${f.face.key}  (${how})`;
}

async function styleOnlyBook(opts: BuildOptions): Promise<FontBook> {
  const styleFile = opts.styleFile;
  let raw: unknown;
  if (styleFile) {
    const s = loadYamlFile(styleFile, STYLE_FILE);
    const { problems } = validateStyleFile(s);
    if (problems.length) throw new UserError(problems);
    raw = s.data;
  }
  const origins = faceOrigins(undefined, undefined, styleFile);
  try {
    return await openFontBook(resolveStyle(raw), { baseFor: origins.baseFor, lookup: new FaceLookup(fontFolders(undefined, opts)) });
  } catch (e) {
    if (e instanceof FaceError) throw new UserError({ ...origins.where(e.entry), message: e.message });
    throw e;
  }
}
