// What a batch prints: the bar on a terminal, plain lines in a log, the failures at the
// end, the summary line. The streams are stand-ins, so the terminal case runs anywhere.
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { Reporter, pickMode, summaryLine } from '../../src/batch/report.js';
import type { Job, JobResult } from '../../src/batch/build-one.js';

class Sink {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 100,
  ) {}
  write(s: string) {
    this.text += s;
    return true;
  }
}

const job = (id: number, file: string): Job => ({ id, file, out: file.replace('.yaml', '.pdf'), opts: {}, incremental: true });
const built = (id: number, file: string): JobResult => ({ id, file, out: file.replace('.yaml', '.pdf'), status: 'built', pages: 3, bytes: 150 * 1024, ms: 40, notices: [], warnings: [] });
const failed = (id: number, file: string): JobResult => ({ id, file, out: '', status: 'failed', ms: 5, notices: [], warnings: [], message: `${file}:2:3: masthead.title: missing` });

describe('pickMode', () => {
  const ci = process.env.CI;
  beforeEach(() => delete process.env.CI);
  afterEach(() => (ci === undefined ? delete process.env.CI : (process.env.CI = ci)));

  it('draws a bar on a terminal and plain lines elsewhere', () => {
    expect(pickMode({}, new Sink(true))).toBe('bar');
    expect(pickMode({}, new Sink(false))).toBe('lines');
    expect(pickMode({ quiet: true }, new Sink(true))).toBe('quiet');
    expect(pickMode({ json: true, quiet: true }, new Sink(true))).toBe('json');
    process.env.CI = 'true';
    expect(pickMode({}, new Sink(true))).toBe('lines');
  });
});

describe('Reporter', () => {
  it('on a terminal: a bar with the count, the current file and the time left, gone at the end', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const out = new Sink();
    const err = new Sink(true, 70);
    const r = new Reporter('bar', false, false, out, err);
    r.begin(4);
    r.start(job(0, 'issues/a.yaml'));
    vi.advanceTimersByTime(2000);
    r.result(built(0, 'issues/a.yaml'));
    expect(err.text.split('\r\x1b[K').at(-1)).toBe('[######------------------] 1/4  6 s left  issues/a.yaml');
    vi.advanceTimersByTime(2000);
    r.start(job(1, 'issues/b-with-a-very-long-name-that-does-not-fit-the-terminal.yaml'));
    const last = err.text.split('\r\x1b[K').at(-1)!;
    expect(last.length).toBe(69);
    expect(last.endsWith('…')).toBe(true);
    r.result(failed(1, 'issues/b.yaml'));
    const s = r.end([built(0, 'issues/a.yaml'), failed(1, 'issues/b.yaml')]);
    expect(err.text.endsWith('\r\x1b[K\n1 failed:\nissues/b.yaml:2:3: masthead.title: missing\n')).toBe(true);
    expect(out.text).toBe(`${summaryLine(s)}\n`);
    expect(out.text).toBe('built 1, failed 1, skipped 0 in 4.0 s\n');
    vi.useRealTimers();
  });

  it('in a log: one line an issue, failures at the end, the summary', () => {
    const out = new Sink();
    const err = new Sink();
    const r = new Reporter('lines', false, false, out, err);
    r.begin(3);
    const results = [built(0, 'a.yaml'), { ...built(1, 'b.yaml'), status: 'skipped' as const }, failed(2, 'c.yaml')];
    for (const x of results) r.result(x);
    r.end(results);
    expect(out.text).toMatch(/^a\.pdf: 3 pages, 150 KB\nb\.pdf: up to date\nc\.yaml: failed\nbuilt 1, failed 1, skipped 1 in \d+\.\d s\n$/);
    expect(err.text).toBe('\n1 failed:\nc.yaml:2:3: masthead.title: missing\n');
  });

  it('for one named issue: its line, or its message, and no summary', () => {
    const out = new Sink();
    const err = new Sink();
    const r = new Reporter('lines', true, false, out, err);
    r.begin(1);
    r.result(failed(0, 'x.yaml'));
    r.end([failed(0, 'x.yaml')]);
    expect(out.text).toBe('');
    expect(err.text).toBe('x.yaml:2:3: masthead.title: missing\n');
  });

  it("prints an issue's warnings (the proofreader's, or the typesetter's) in file order, and counts them", () => {
    const out = new Sink();
    const err = new Sink();
    const r = new Reporter('lines', false, false, out, err);
    r.begin(1);
    const warned = {
      ...built(0, 'a.yaml'),
      warnings: [
        { file: 'a.yaml', line: 9, col: 5, field: 'sections[0].items[0].body', message: 'the text runs outside the type area on page 2', hint: 'shorten the line' },
        { file: 'a.yaml', line: 12, col: 1, field: 'distribution', message: 'the end block stands alone on page 3' },
      ],
    };
    r.result(warned);
    const s = r.end([warned]);
    expect(err.text).toBe('a.yaml:9:5: warning: sections[0].items[0].body: the text runs outside the type area on page 2\n    hint: shorten the line\na.yaml:12:1: warning: distribution: the end block stands alone on page 3\n');
    expect(s.warnings).toBe(2);
    expect(out.text).toMatch(/built 1, failed 0, skipped 0, 2 warnings in /);
  });
});
