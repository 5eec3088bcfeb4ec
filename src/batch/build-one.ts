// One job of a batch, run in a worker thread or in the main thread: check whether the
// PDF is up to date, else build it and write it. Faces stay open between jobs because
// open-face.ts caches them per thread.
import { dirname } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { prepareIssue, openFaces, renderIssue, type BuildOptions, type Prepared } from '../build-issue.js';
import type { FontBook } from '../fonts/font-book.js';
import { writeAtomic, writeAtomicAsync } from '../write/atomic.js';
import { loadPdfWriter } from '../write/pdfkit.js';
import { mark } from '../timings.js';
import { STDIN_NAME, writeStdout } from './stdio.js';
import { noticesFor } from '../load/load-file.js';
import { entryFor, pdfMatches, type RecordEntry } from './build-record.js';
import { sha256 } from '../hash.js';
import { inputKey } from './input-key.js';
import { asErrors, type Warning } from '../validate/proofread/warning.js';

export interface Job {
  id: number;
  file: string;
  out: string;
  opts: BuildOptions;
  /** Page previews at this resolution (dpi), when asked for. */
  preview?: number;
  /** Skip when the record says the PDF was made from the same inputs, and it is that PDF. */
  incremental: boolean;
  /** What the PDF was last built from (build-record.ts), read by the main thread. */
  recorded?: RecordEntry;
  /** Warnings fail the issue (--strict): nothing is written. */
  strict?: boolean;
}

export interface JobResult {
  id: number;
  file: string;
  out: string;
  status: 'built' | 'skipped' | 'failed';
  pages?: number;
  bytes?: number;
  ms: number;
  notices: string[];
  /** The proofreader's and the typesetter's warnings, in file order. */
  warnings: Warning[];
  /** The failure as the user should read it. */
  message?: string;
  problems?: Problem[];
  /** A bug rather than a problem of the input: its stack, shown with --debug. */
  stack?: string;
  /** The record of the PDF built (or found up to date), for the main thread to save. */
  record?: RecordEntry;
}

/**
 * Issues that ask for the same faces, from the same folder, share one font book, and with
 * it the glyphs and metrics it has looked up: most of a batch asks for the house faces.
 */
const books = new Map<string, Promise<FontBook>>();

function facesFor(p: Prepared, opts: BuildOptions): Promise<FontBook> {
  const key = JSON.stringify([p.style.fonts, p.style.bold, dirname(p.file), opts.styleFile]);
  const open = () => {
    const book = openFaces(p, opts);
    if (books.size > 64) books.clear();
    books.set(key, book);
    // A failure is the issue's to report, not every later issue's.
    book.catch(() => books.delete(key));
    return book;
  };
  const cached = books.get(key);
  return cached ? cached.then((b) => (b.isCurrent() ? b : open()), open) : open();
}

/**
 * Build one issue. `background`: flush the PDF to disk on the thread pool, so that the
 * caller can start the next issue meanwhile (a single build flushes here: starting the
 * thread pool costs more than the flush).
 */
export async function buildOne(job: Job, background = false): Promise<JobResult> {
  const t0 = performance.now();
  const base = { id: job.id, file: job.file, out: job.out, notices: [] as string[], warnings: [] as Warning[] };
  const ms = () => Math.round(performance.now() - t0);
  try {
    mark('start');
    const p = prepareIssue(job.file, job.opts);
    mark('loaded and validated');
    base.notices.push(...p.notices);
    if (job.strict && p.warnings.length) throw new UserError(asErrors(p.warnings));
    base.warnings.push(...p.warnings);
    const opening = facesFor(p, job.opts);
    // The PDF writer is not needed when the PDF may be up to date.
    if (!job.incremental || !job.recorded) loadPdfWriter();
    const book = await opening;
    // A PDF piped out, or made from standard input, has no record to keep.
    const recordable = job.out !== '-' && job.file !== STDIN_NAME;
    const key = recordable ? inputKey(p, book, job.opts, job.preview) : '';
    const was = job.recorded;
    if (job.incremental && was && was.key === key && pdfMatches(job.out, was)) return { ...base, status: 'skipped', ms: ms(), record: was };
    mark('faces');
    const { pdf, layout, warnings = [] } = await renderIssue(p, book, job.opts);
    if (job.strict && warnings.length) throw new UserError(asErrors(warnings));
    base.warnings.push(...warnings);
    if (job.out === '-') await writeStdout(pdf);
    else if (background) await writeAtomicAsync(job.out, pdf);
    else writeAtomic(job.out, pdf);
    mark('written');
    if (job.preview !== undefined) await (await import('../write/preview.js')).writePreviews(pdf, job.out, job.preview);
    const record = !recordable ? undefined : entryFor(job.out, job.file, key, sha256(pdf));
    return { ...base, status: 'built', pages: layout.pages.length, bytes: pdf.length, ms: ms(), record };
  } catch (e) {
    // A failed issue says what failed; its warnings wait until it builds.
    base.warnings = [];
    if (e instanceof UserError) {
      // A file that failed to load still says how it was read (e.g. as GBK).
      if (!base.notices.length) base.notices.push(...noticesFor(job.file));
      return { ...base, status: 'failed', message: e.message, problems: e.problems, ms: ms() };
    }
    const err = e as Error;
    return { ...base, status: 'failed', message: `${job.file}: internal error: ${err?.message ?? String(e)}`, stack: err?.stack ?? String(e), ms: ms() };
  }
}
