// A damaged face file — a table fontkit cannot read, or glyph data that fails when the
// subset is made — is reported as that face file and what is wrong with it, at the style
// entry that named it: never an "internal error" blamed on the issue. validate says the
// same and goes on to the next file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkitNs from 'fontkit';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { makeTtf, SERIF } from './make-font.js';

const fontkit = ((fontkitNs as unknown as { default?: typeof fontkitNs }).default ?? fontkitNs) as typeof fontkitNs;
let dir: string;

/** The test face with `bytes` written over the start of one of its tables. */
function damaged(table: string, bytes: (length: number) => Buffer): Buffer {
  const clean = makeTtf(SERIF, '延津政务快报', { family: 'YB Broken', postscript: 'YBBroken-Regular' });
  const t = (fontkit.create(clean) as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables[table];
  const out = Buffer.from(clean);
  bytes(t.length).copy(out, t.offset);
  return out;
}

/** An issue whose masthead title is set in `face` (the style block names it on line `line`). */
function issueWith(face: string): string {
  const file = join(dir, `${face}.yaml`);
  writeFileSync(file, readFileSync(EXAMPLE, 'utf8') + `style:\n  fonts:\n    masthead: ${face}.ttf\n`);
  return file;
}

const styleLine = (file: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('masthead: ') && l.includes('.ttf')) + 1;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yb-broken-'));
  writeFileSync(join(dir, 'head.ttf'), damaged('head', () => Buffer.alloc(16, 0x7f)));
  writeFileSync(join(dir, 'cmap.ttf'), damaged('cmap', (n) => Buffer.alloc(n, 0xff)));
  writeFileSync(join(dir, 'loca.ttf'), damaged('loca', (n) => Buffer.alloc(n, 0xff)));
  // Every glyph claims 32,639 contours: reading them runs past the end of the file.
  writeFileSync(join(dir, 'glyf.ttf'), damaged('glyf', (n) => Buffer.alloc(n, 0x7f)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a broken face', () => {
  for (const [table, what] of [
    ['head', /broken font file: its head table is damaged \(its magic number is wrong\)/],
    ['cmap', /broken font file: its cmap table is damaged/],
    ['loca', /broken font file: its loca table is damaged/],
    ['glyf', /broken font file: the glyphs this issue uses cannot be read from it/],
  ] as const) {
    it(`is named with what is wrong, at the style entry (${table})`, async () => {
      const issue = issueWith(table);
      const r = await cli(['build', issue, '-o', join(dir, `${table}.pdf`)]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.stderr).toContain(`${issue}:${styleLine(issue)}:`);
      expect(r.stderr).toContain(join(dir, `${table}.ttf`));
      expect(r.stderr).toMatch(what);
    });
  }

  it('is reported by validate, which goes on to the next file', async () => {
    const broken = issueWith('cmap');
    const r = await cli(['validate', broken, EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cmap table is damaged/);
    expect(r.stdout).toMatch(/issue38\.yaml: ok/);
  });
});

describe('a face or profile that is not a plain file', () => {
  it('is refused at once, not read for ever (a FIFO as a face, /dev/zero as the CMYK profile)', async () => {
    const fifo = join(dir, 'pipe.ttf');
    execFileSync('mkfifo', [fifo]);
    const issue = join(dir, 'fifo.yaml');
    writeFileSync(issue, readFileSync(EXAMPLE, 'utf8') + `style:\n  fonts:\n    masthead: pipe.ttf\n`);
    const r = await cli(['build', issue, '-o', join(dir, 'fifo.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read the font file ${fifo}: it is not a plain file (a device or a pipe)`);
    const zero = join(dir, 'zero.yaml');
    writeFileSync(zero, readFileSync(EXAMPLE, 'utf8') + `style:\n  color:\n    cmykProfile: /dev/zero\n`);
    const z = await cli(['build', zero, '--pdfa', '--color', 'cmyk', '-o', join(dir, 'zero.pdf')]);
    expect(z.code).toBe(1);
    expect(z.stderr).toContain('cannot read the ICC profile: it is not a plain file');
  });
});
