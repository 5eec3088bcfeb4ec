// What a batch says while it runs and when it ends: a progress bar on a terminal,
// one plain line per issue otherwise (CI logs), nothing but failures with --quiet,
// one JSON document with --json. Failures are listed at the end, then a summary line.
import type { Job, JobResult } from './build-one.js';
import { formatWarning } from '../validate/proofread/warning.js';

export type Mode = 'bar' | 'lines' | 'quiet' | 'json';

export interface Summary {
  built: number;
  failed: number;
  skipped: number;
  /** Warnings over all issues (they do not fail an issue without --strict). */
  warnings: number;
  seconds: number;
}

interface Out {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function pickMode(flags: { quiet?: boolean; json?: boolean }, err: Out = process.stderr): Mode {
  if (flags.json) return 'json';
  if (flags.quiet) return 'quiet';
  return err.isTTY && process.env.TERM !== 'dumb' && !process.env.CI ? 'bar' : 'lines';
}

function summarize(results: JobResult[], seconds: number): Summary {
  const n = (s: JobResult['status']) => results.filter((r) => r.status === s).length;
  return { built: n('built'), failed: n('failed'), skipped: n('skipped'), warnings: results.reduce((k, r) => k + r.warnings.length, 0), seconds: Math.round(seconds * 100) / 100 };
}

export function summaryLine(s: Summary): string {
  return `built ${s.built}, failed ${s.failed}, skipped ${s.skipped}${s.warnings ? `, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}` : ''} in ${s.seconds.toFixed(1)} s`;
}

const kb = (b = 0) => `${(b / 1024).toFixed(0)} KB`;

export class Reporter {
  private done = 0;
  private total = 0;
  private current = '';
  private t0 = performance.now();
  private lastDraw = 0;
  private barShown = false;

  constructor(
    readonly mode: Mode,
    /** One input given by name: no summary line, as a plain `build x.yaml` always was. */
    private readonly single: boolean,
    private readonly debug = false,
    private readonly out: Out = process.stdout,
    private readonly err: Out = process.stderr,
    /** Say "up to date" for skipped issues (not in the rebuilds of --watch). */
    private readonly showSkipped = true,
  ) {}

  begin(total: number): void {
    this.total = total;
    this.done = 0;
    this.t0 = performance.now();
  }

  start(job: Job): void {
    this.current = job.file;
    this.draw(false);
  }

  result(r: JobResult): void {
    this.done++;
    if (this.mode !== 'json') for (const n of r.notices) this.above(`${r.file}: notice: ${n}\n`, this.err);
    // Warnings are for the clerk even with --quiet: the issue built, but check these places.
    if (this.mode !== 'json' && r.warnings.length) this.above(r.warnings.map(formatWarning).join('\n') + '\n', this.err);
    if (this.mode === 'lines') {
      if (r.status === 'built') this.out.write(`${r.out === '-' ? '(standard output)' : r.out}: ${r.pages} pages, ${kb(r.bytes)}\n`);
      else if (r.status === 'skipped') this.showSkipped && this.out.write(`${r.out}: up to date\n`);
      else if (!this.single) this.out.write(`${r.file}: failed\n`);
    }
    this.draw(this.done === this.total);
  }

  /** Failures (with their messages), then the summary; or the JSON report. */
  end(results: JobResult[], extra: Record<string, unknown> = {}): Summary {
    const s = summarize(results, (performance.now() - this.t0) / 1000);
    this.clearBar();
    if (this.mode === 'json') {
      const issues = results.map((r) => ({
        input: r.file,
        output: r.out,
        status: r.status,
        ...(r.pages !== undefined ? { pages: r.pages, bytes: r.bytes } : {}),
        ms: r.ms,
        ...(r.notices.length ? { notices: r.notices } : {}),
        ...(r.warnings.length ? { warnings: r.warnings } : {}),
        ...(r.message ? { message: r.message } : {}),
        ...(r.problems ? { problems: r.problems } : {}),
      }));
      this.out.write(JSON.stringify({ ...s, ...extra, issues }, null, 2) + '\n');
      return s;
    }
    const failed = results.filter((r) => r.status === 'failed');
    if (failed.length) {
      if (!this.single) this.err.write(`\n${failed.length} failed:\n`);
      for (const r of failed) this.err.write(`${r.message}\n${this.debug && r.stack ? r.stack + '\n' : ''}`);
      if (!this.debug && failed.some((r) => r.stack)) this.err.write('(run again with --debug for the details of the internal errors, and report them)\n');
    }
    if (!this.single && this.mode !== 'quiet') this.out.write(summaryLine(s) + '\n');
    return s;
  }

  /** Print a line without tearing the progress bar. */
  private above(s: string, to: Out): void {
    this.clearBar();
    to.write(s);
    this.draw(true);
  }

  private clearBar(): void {
    if (this.barShown) this.err.write('\r\x1b[K');
    this.barShown = false;
  }

  private draw(force: boolean): void {
    if (this.mode !== 'bar' || this.total === 0) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const elapsed = (now - this.t0) / 1000;
    const left = this.done ? (elapsed / this.done) * (this.total - this.done) : NaN;
    const eta = Number.isFinite(left) ? `${left < 60 ? `${Math.ceil(left)} s` : `${Math.floor(left / 60)} min ${Math.ceil(left % 60)} s`} left` : '';
    const width = 24;
    const fill = Math.round((this.done / this.total) * width);
    const text = `[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${this.done}/${this.total}  ${eta}  ${this.current}`;
    const cols = this.err.columns ?? 80;
    this.err.write(`\r\x1b[K${text.length > cols - 1 ? text.slice(0, cols - 2) + '…' : text}`);
    this.barShown = true;
  }
}
