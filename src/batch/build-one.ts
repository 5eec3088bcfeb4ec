// One job of a batch, run in a worker thread or in the main thread: check whether the
// PDF is up to date, else build it and write it. Faces stay open between jobs because
// open-face.ts caches them per thread.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { prepareIssue, openFaces, renderIssue, type BuildOptions, type Prepared } from '../build-issue.js';
import type { FontBook } from '../fonts/font-book.js';
import { writeAtomic, writeAtomicAsync } from '../write/atomic.js';
import { loadPdfWriter } from '../write/pdfkit.js';
import { mark } from '../timings.js';
import { noticesFor } from '../load/load-file.js';
import { changedAt } from './program-time.js';

export interface Job {
  id: number;
  file: string;
  out: string;
  opts: BuildOptions;
  /** Page previews at this resolution (dpi), when asked for. */
  preview?: number;
  /** Skip when the PDF is newer than everything it depends on. */
  incremental: boolean;
  /** The newest of the program's own files (ms), a dependency of every PDF. */
  programTime: number;
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
  /** The failure as the user should read it. */
  message?: string;
  problems?: Problem[];
  /** A bug rather than a problem of the input: its stack, shown with --debug. */
  stack?: string;
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Issues that ask for the same faces, from the same folder, share one font book, and with
 * it the glyphs and metrics it has looked up: most of a batch asks for the house faces.
 */
const books = new Map<string, Promise<FontBook>>();

function facesFor(p: Prepared, opts: BuildOptions): Promise<FontBook> {
  const key = JSON.stringify([p.style.fonts, p.style.bold, dirname(p.file), opts.styleFile]);
  let book = books.get(key);
  if (!book) {
    book = openFaces(p, opts);
    if (books.size > 64) books.clear();
    books.set(key, book);
    // A failure is the issue's to report, not every later issue's.
    book.catch(() => books.delete(key));
  }
  return book;
}

/**
 * Build one issue. `background`: flush the PDF to disk on the thread pool, so that the
 * caller can start the next issue meanwhile (a single build flushes here: starting the
 * thread pool costs more than the flush).
 */
export async function buildOne(job: Job, background = false): Promise<JobResult> {
  const t0 = performance.now();
  const base = { id: job.id, file: job.file, out: job.out, notices: [] as string[] };
  const ms = () => Math.round(performance.now() - t0);
  try {
    // Cheap checks first: a missing PDF, or an issue, style or program newer than it.
    const pdfTime = job.incremental ? mtime(job.out) : undefined;
    const older = (t: number | undefined) => pdfTime !== undefined && t !== undefined && t < pdfTime;
    let fresh = pdfTime !== undefined && older(job.programTime) && older(changedAt(job.file)) && (!job.opts.styleFile || older(changedAt(job.opts.styleFile)));
    mark('start');
    const p = prepareIssue(job.file, job.opts);
    mark('loaded and validated');
    base.notices.push(...p.notices);
    const opening = facesFor(p, job.opts);
    // The PDF writer loads while the face files are read from disk.
    if (!fresh) loadPdfWriter();
    const book = await opening;
    if (fresh) {
      fresh = book.files().every((f) => older(changedAt(f)));
      if (fresh) return { ...base, status: 'skipped', ms: ms() };
    }
    mark('faces');
    const { pdf, layout } = await renderIssue(p, book, job.opts);
    if (background) await writeAtomicAsync(job.out, pdf);
    else writeAtomic(job.out, pdf);
    mark('written');
    if (job.preview !== undefined) await (await import('../write/preview.js')).writePreviews(pdf, job.out, job.preview);
    return { ...base, status: 'built', pages: layout.pages.length, bytes: pdf.length, ms: ms() };
  } catch (e) {
    if (e instanceof UserError) {
      // A file that failed to load still says how it was read (e.g. as GBK).
      if (!base.notices.length) base.notices.push(...noticesFor(job.file));
      return { ...base, status: 'failed', message: e.message, problems: e.problems, ms: ms() };
    }
    const err = e as Error;
    return { ...base, status: 'failed', message: `${job.file}: internal error: ${err?.message ?? String(e)}`, stack: err?.stack ?? String(e), ms: ms() };
  }
}
