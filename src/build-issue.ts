// One issue through the pipeline: load → validate → fonts → compose → paginate → write.
// The command line and the batch both build issues through these functions.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { byPosition, UserError, pathToField, type Problem } from './errors.js';
import { loadYamlFile, type Loaded } from './load/load-file.js';
import { STYLE_FILE } from './load/decode.js';
import { locate } from './load/parse-yaml.js';
import { validateIssue, validateStyleFile, resolveStyle } from './validate/validate.js';
import type { Issue } from './validate/schema.js';
import { styleGeometryProblems, type Style } from './validate/style-schema.js';
import { styleOrigin } from './validate/style-origin.js';
import { MAX_PAGES, tooManyPages } from './validate/size-limits.js';
import { openFontBook, type FontBook } from './fonts/font-book.js';
import { FaceError } from './fonts/open-face.js';
import { checkCoverage, type TextField } from './fonts/coverage.js';
import { faceOrigins } from './fonts/entry-origin.js';
import { FaceLookup, projectFontFolders } from './fonts/lookup.js';
import { geometry } from './compose/geometry.js';
import { composeMasthead, formatDate, issueLineText, single } from './compose/masthead.js';
import { composeBody, headingText } from './compose/body.js';
import { composeEndBlock, distributionText } from './compose/end-block.js';
import { paginate } from './paginate/paginate.js';
import type { Layout } from './paginate/types.js';
import { strayFurniture, strayText, type Stray, type StrayFurniture } from './paginate/bounds.js';
import type { BodyBlock } from './compose/body.js';
import { writePdf, type WriteOptions } from './write/pdf-writer.js';
import { cmykOutputProfile } from './write/output-intent.js';
import { mark } from './timings.js';
import { proofread } from './validate/proofread/proofread.js';
import { loadIssueFile } from './validate/rest-of-file.js';
import type { Warning } from './validate/proofread/warning.js';

export interface BuildOptions {
  /** A shared style file (`--style house.yaml`); the issue's own block wins over it. */
  styleFile?: string;
  /** Overrides applied last (command-line flags such as --color). */
  styleOverrides?: Record<string, unknown>;
  /** PDF/A-2b (`--pdfa`). */
  pdfa?: boolean;
  /** Folders of faces for this run (`--font-path DIR`), searched before the project's fonts/ folders. */
  fontPath?: string[];
}

export interface Prepared {
  file: string;
  loaded: Loaded;
  issue: Issue;
  style: Style;
  /** The shared style file it was prepared with, where a style problem found later is located. */
  styleFile?: string;
  notices: string[];
  /** The proofreader's warnings, in file order: the issue builds, but check these. */
  warnings: Warning[];
}

/** Load and validate an issue (and its style file): every problem at once. */
export function prepareIssue(file: string, opts: BuildOptions = {}): Prepared {
  const loaded = loadIssueFile(file);
  const problems: Problem[] = [];
  let styleRaw: unknown;
  const notices = [...loaded.notices];
  if (opts.styleFile) {
    const s = styleFile(opts.styleFile);
    notices.push(...s.notices);
    problems.push(...s.problems);
    styleRaw = s.data;
  }
  const v = validateIssue(loaded);
  problems.push(...v.problems);
  if (problems.length || !v.issue) throw new UserError(problems);
  const issueStyle = (loaded.data as { style?: unknown }).style;
  const style = resolveStyle(styleRaw, issueStyle, opts.styleOverrides);
  const geo = styleGeometryProblems(style);
  if (geo.length) {
    // Reported at the key that sets it: in the issue's style block, or the style file.
    throw new UserError(geo.map((g) => ({ ...styleOrigin(file, loaded, opts.styleFile, g.keys ?? [g.field.split('.')]), message: g.message })));
  }
  return { file, loaded, issue: v.issue, style, styleFile: opts.styleFile, notices, warnings: proofread(loaded, v.issue) };
}

/** A batch reads its style file once (again when it changes, as under --watch). */
const styleFiles = new Map<string, { stamp: string; notices: string[]; problems: Problem[]; data: unknown }>();

function styleFile(path: string): { notices: string[]; problems: Problem[]; data: unknown } {
  let stamp = '';
  try {
    const st = statSync(path);
    stamp = `${st.mtimeMs} ${st.size}`;
  } catch {
    /* loadYamlFile says what is wrong */
  }
  const hit = styleFiles.get(path);
  if (hit && stamp && hit.stamp === stamp) return hit;
  const s = loadYamlFile(path, STYLE_FILE);
  const entry = { stamp, notices: s.notices, problems: validateStyleFile(s).problems, data: s.data };
  if (stamp) styleFiles.set(path, entry);
  return entry;
}

/** The issue's faces, with their chains per role (see openFontBook). */
export async function openFaces(p: Prepared, opts: BuildOptions = {}): Promise<FontBook> {
  // Face paths are relative to the file that names them; errors point at the entry.
  const origins = faceOrigins(p.file, p.loaded, opts.styleFile);
  try {
    return await openFontBook(p.style, { baseFor: origins.baseFor, lookup: new FaceLookup(fontFolders(p.file, opts)) });
  } catch (e) {
    if (e instanceof FaceError) throw new UserError({ ...origins.where(e.entry), message: e.message });
    throw e;
  }
}

/** Where face names are looked up: the --font-path folders, then the project's fonts/ folders. */
export function fontFolders(file: string | undefined, opts: BuildOptions): string[] {
  return [...new Set([...(opts.fontPath ?? []).map((d) => resolve(d)), ...projectFontFolders(file, opts.styleFile)])];
}

/** Every piece of text with the role that sets it, for the glyph coverage check. */
export function textFields(p: Prepared): TextField[] {
  const { issue, loaded } = p;
  const at = (path: PropertyKey[]) => (ch: string) => {
    const pos = locate(loaded, path);
    // Find the character itself from the field's start, so the column points at it.
    const start = loaded.lines.lineStarts[pos.line - 1] + pos.col - 1;
    const idx = loaded.text.indexOf(ch, start);
    return idx >= 0 ? loaded.lines.linePos(idx) : pos;
  };
  const m = issue.masthead;
  const f: TextField[] = [
    { text: m.title, role: 'masthead', field: 'masthead.title', locate: at(['masthead', 'title']) },
    { text: m.publisher, role: 'body', field: 'masthead.publisher', locate: at(['masthead', 'publisher']) },
    { text: issueLineText(m) + formatDate(m.date), role: 'body', field: 'masthead' },
    { text: '— 0123456789 —', role: 'folio', field: 'page numbers' },
  ];
  if (m.mark) f.push({ text: m.mark, role: 'heading', field: 'masthead.mark', locate: at(['masthead', 'mark']) });
  issue.sections.forEach((s, si) => {
    f.push({ text: headingText(s.heading), role: 'heading', field: `sections[${si}].heading`, locate: at(['sections', si, 'heading']) });
    s.items.forEach((it, ii) => {
      const base = ['sections', si, 'items', ii];
      const field = `sections[${si}].items[${ii}]`;
      if (it.title) f.push({ text: it.title, role: 'lead', field: `${field}.title`, locate: at([...base, 'title']) });
      f.push({ text: it.body, role: 'body', field: `${field}.body`, locate: at([...base, 'body']) });
      if (it.source) f.push({ text: `（${it.source}）`, role: 'source', field: `${field}.source`, locate: at([...base, 'source']) });
    });
  });
  if (issue.distribution) {
    const d = distributionText(issue.distribution);
    f.push({ text: d.label + d.list + (issue.distribution.copies ? '共印 份0123456789' : ''), role: 'end', field: 'distribution', locate: at(['distribution']) });
  }
  issue.staff?.forEach((s, i) => f.push({ text: s.role + '：' + s.name, role: 'end', field: `staff[${i}]`, locate: at(['staff', i]) }));
  return f;
}

/** `firstNumber`: the printed number of the issue's first page (1, or where it falls in a bound volume). */
export function layoutIssue(p: Prepared, book: FontBook, firstNumber = 1): Layout {
  const fields = textFields(p);
  const problems = checkCoverage(fields, book, p.file);
  if (problems.length) throw new UserError(problems);
  book.loadGlyphs(fields);
  const { issue, style } = p;
  const geo = geometry(style);
  const masthead = composeMasthead(issue.masthead, style, geo, book);
  const body = composeBody(issue, style, geo, book);
  const end = composeEndBlock(issue.distribution, issue.staff, style, geo, book);
  const folio = (n: number) => single(`— ${n} —`, 'folio', style.size.folio, book);
  const dash = book.shape('—', 'folio', style.size.folio)[0];
  const folioInkTop = dash && book.inkY(dash)?.[1];
  const layout = paginate({ masthead, body, end, folio, folioInkTop }, style, geo, firstNumber);
  // In the file's order, as every other list of problems (the pages found them in theirs).
  const text = strayText(layout, geo)
    .map((s) => strayProblem(p, body, s))
    .sort(byPosition);
  // A masthead too tall for the page takes its rule with it: the text named is the cause.
  const furniture = strayFurniture(layout, geo).filter((s) => s.what === 'folio' || !text.length);
  const strays = [...text, ...furniture.map((s) => furnitureProblem(p, s))];
  if (strays.length) throw new UserError(strays);
  return layout;
}

/** Where the style sets what put a page number off its page, or the masthead's rule below the type area. */
const FURNITURE_KEYS = {
  folio: [['size', 'folio'], ['folio', 'gap'], ['page', 'bottom'], ['page', 'height'], ['page', 'width'], ['page', 'left'], ['page', 'right']],
  rule: [['masthead', 'ruleGap'], ['masthead', 'ruleWidth'], ['masthead', 'doubleRule'], ['size', 'masthead'], ['size', 'mastheadMin'], ['size', 'mark'], ['size', 'issueLine'], ['size', 'publisher'], ['grid', 'lines'], ['page', 'top'], ['page', 'bottom'], ['page', 'height']],
};

function furnitureProblem(p: Prepared, s: StrayFurniture): Problem {
  const where = styleOrigin(p.file, p.loaded, p.styleFile, FURNITURE_KEYS[s.what]);
  const message =
    s.what === 'folio'
      ? `the page number would run past the ${s.edge} edge of page ${s.page}; make size.folio${s.edge === 'bottom' ? ' or folio.gap smaller, or page.bottom larger' : ' smaller'}`
      : `the red rule under the masthead would fall ${s.edge === 'top' ? 'above' : 'below'} the type area on page ${s.page}; make masthead.ruleGap, masthead.ruleWidth or the masthead's type smaller`;
  return { ...where, message };
}

/** The typesetter's warnings (an end block alone on its page …), at the field they concern. */
function layoutWarnings(p: Prepared, layout: Layout): Warning[] {
  return (layout.warnings ?? []).map((w) => {
    const path = w.part === 'distribution' || w.part === 'staff' ? [w.part] : ['masthead', w.part];
    return { file: p.file, ...locate(p.loaded, path), field: pathToField(path), message: w.message };
  });
}

/** Text outside the type area, reported at the field that holds it. */
function strayProblem(p: Prepared, body: BodyBlock[], s: Stray): Problem {
  const blk = s.block.startsWith('body ') ? body[Number(s.block.slice(5))] : undefined;
  const path: PropertyKey[] =
    blk?.kind === 'para' ? ['sections', blk.section, 'items', blk.item, 'body']
    : blk ? ['sections', blk.section, 'heading']
    : s.part === 'distribution' || s.part === 'staff' ? [s.part]
    : ['masthead', s.part === 'issue' ? 'issue' : s.part];
  return {
    file: p.file,
    ...locate(p.loaded, path),
    field: pathToField(path),
    message: `this text would run past the ${s.edge} edge of the type area on page ${s.page} (“${s.text}…”); shorten it`,
  };
}

export function creationDate(isoDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The PDF, its layout, and warnings of the typesetting stages (text pushed out, a lone end block), if any. */
export interface Rendered {
  pdf: Buffer;
  layout: Layout;
  warnings?: Warning[];
}

/** Set the issue onto pages, with every problem of doing so located (what build would refuse). */
function laidOut(p: Prepared, book: FontBook, opts: BuildOptions): Layout {
  let layout: Layout;
  try {
    layout = layoutIssue(p, book);
  } catch (e) {
    throw faceFault(e, p, book, opts);
  }
  if (layout.pages.length > MAX_PAGES) throw new UserError({ file: p.file, message: tooManyPages(layout.pages.length) });
  return layout;
}

/** What `validate` checks beyond the file: the issue set onto pages (no PDF made); the typesetter's warnings. */
export function checkLayout(p: Prepared, book: FontBook, opts: BuildOptions = {}): Warning[] {
  return layoutWarnings(p, laidOut(p, book, opts));
}

export async function renderIssue(p: Prepared, book: FontBook, opts: BuildOptions = {}): Promise<Rendered> {
  const layout = laidOut(p, book, opts);
  mark('laid out');
  const m = p.issue.masthead;
  const info = {
    title: `${m.title} 第${m.issue}期`,
    author: m.publisher,
    subject: `${m.title} ${formatDate(m.date).replace(/ /g, '')} 第${m.issue}期${m.total ? `（总第${m.total}期）` : ''}`,
    keywords: p.issue.sections.map((s) => s.heading.replace(/^【|】$/g, '')),
    date: creationDate(m.date),
  };
  let pdf: Buffer;
  try {
    pdf = await writePdf(layout, p.style, info, writeOptions(p, opts));
  } catch (e) {
    throw faceFault(e, p, book, opts);
  }
  mark('pdf made');
  return { pdf, layout, warnings: layoutWarnings(p, layout) };
}

/** A face whose glyph data is damaged or cannot be read: reported at the style entry that named it. */
function faceFault(e: unknown, p: Prepared, book: FontBook, opts: BuildOptions): unknown {
  if (!(e instanceof FaceError)) return e;
  const entry = Object.values(book.chains).flat().find((f) => f.face.file === e.file)?.entry;
  return new UserError({ ...faceOrigins(p.file, p.loaded, opts.styleFile).where(entry), message: e.message });
}

/** PDF/A on request, and in CMYK the output profile the issue's style names. */
export function writeOptions(p: Prepared, opts: BuildOptions): WriteOptions {
  // The profile's path is relative to the file that names it (the issue wins over --style).
  const ownProfile = (p.loaded.data as { style?: { color?: { cmykProfile?: unknown } } }).style?.color?.cmykProfile;
  const named = ownProfile || !opts.styleFile ? p.file : opts.styleFile;
  const cmykProfile = opts.pdfa && p.style.color.mode === 'cmyk' ? cmykOutputProfile(p.style.color.cmykProfile, dirname(named), named) : undefined;
  return { pdfa: opts.pdfa, cmykProfile };
}

