// Nothing lost: a build that fails — on the input, while rendering, or while writing —
// leaves the PDF that was there before untouched and no half-written file behind.
import { describe, it, expect, beforeEach } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { MINIMAL_ISSUE } from '../helpers/variant.js';
import { withoutWarnings } from '../helpers/warnings.js';

const ISSUE = MINIMAL_ISSUE;
/** A PDF from an earlier build; its bytes must survive every failure below. */
const OLD_PDF = '%PDF-1.3\n% an earlier issue 38\n%%EOF\n';

let dir: string;
const run = (...args: string[]) => cli(args, { cwd: dir });
const files = () => readdirSync(dir).sort();

/** A module that makes every flush to disk fail as on a full disk (load it with --import). */
function fullDisk(): string {
  const fault = join(dir, 'full-disk.mjs');
  writeFileSync(
    fault,
    `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
     const full = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
     fs.fsyncSync = () => { throw full(); };
     fs.fsync = (fd, cb) => process.nextTick(cb, full());
     syncBuiltinESMExports();`,
  );
  return fault;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-lost-'));
  writeFileSync(join(dir, 'issue38.yaml'), ISSUE);
  writeFileSync(join(dir, 'issue38.pdf'), OLD_PDF);
});

describe('a failed build keeps the old PDF', () => {
  it('when the input is wrong', async () => {
    writeFileSync(join(dir, 'issue38.yaml'), ISSUE.replace('issue: 38', 'issue: 0'));
    const r = await run('build', 'issue38.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('issue38.yaml:3:10: masthead.issue: must be 1 or more, got 0\n');
    expect(readFileSync(join(dir, 'issue38.pdf'), 'utf8')).toBe(OLD_PDF);
    expect(files()).toEqual(['issue38.pdf', 'issue38.yaml']);
  });

  it('when rendering fails (a character no face has)', async () => {
    writeFileSync(join(dir, 'issue38.yaml'), ISSUE.replace('截至目前', '截至目前😀'));
    const r = await run('build', 'issue38.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('issue38.yaml:9:19: sections[0].items[0].body: "😀" (U+1F600) is in no face of the body role');
    expect(readFileSync(join(dir, 'issue38.pdf'), 'utf8')).toBe(OLD_PDF);
    expect(files()).toEqual(['issue38.pdf', 'issue38.yaml']);
  });

  it('when the disk fills up while writing: the temporary file is removed', async () => {
    // Make every fsync fail as on a full disk, after the data has gone to the temporary file.
    const fault = fullDisk();
    const r = await cli(['build', 'issue38.yaml'], { cwd: dir, env: { NODE_OPTIONS: `--import=${fault}` } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('issue38.pdf: cannot write the PDF: the disk is full; the file already there is unchanged\n');
    expect(readFileSync(join(dir, 'issue38.pdf'), 'utf8')).toBe(OLD_PDF);
    expect(files()).toEqual(['full-disk.mjs', 'issue38.pdf', 'issue38.yaml']);
  });

  it('in a batch, whose flushes run on the thread pool: each failure is reported, old PDFs kept', async () => {
    writeFileSync(join(dir, 'issue39.yaml'), ISSUE.replace('issue: 38', 'issue: 39'));
    writeFileSync(join(dir, 'issue39.pdf'), OLD_PDF);
    const fault = fullDisk();
    // --force: the old PDFs were written after the issues, so a batch would take them as up to date.
    const r = await cli(['build', 'issue38.yaml', 'issue39.yaml', '--jobs', '1', '--force'], { cwd: dir, env: { NODE_OPTIONS: `--import=${fault}` } });
    expect(r.code).toBe(1);
    for (const n of [38, 39]) {
      expect(r.stderr).toContain(`issue${n}.pdf: cannot write the PDF: the disk is full; the file already there is unchanged\n`);
      expect(readFileSync(join(dir, `issue${n}.pdf`), 'utf8')).toBe(OLD_PDF);
    }
    expect(files()).toEqual(['full-disk.mjs', 'issue38.pdf', 'issue38.yaml', 'issue39.pdf', 'issue39.yaml']);
  });

  it('when the old PDF is locked (open in a viewer on Windows): the rename is refused, nothing changes', async () => {
    const fault = join(dir, 'locked.mjs');
    writeFileSync(
      fault,
      `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
       fs.renameSync = () => { throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' }); };
       syncBuiltinESMExports();`,
    );
    const r = await cli(['build', 'issue38.yaml'], { cwd: dir, env: { NODE_OPTIONS: `--import=${fault}` } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('issue38.pdf: cannot write the PDF: permission denied (if the file is open in a viewer, close it and try again); the file already there is unchanged\n');
    expect(readFileSync(join(dir, 'issue38.pdf'), 'utf8')).toBe(OLD_PDF);
    expect(files()).toEqual(['issue38.pdf', 'issue38.yaml', 'locked.mjs']);
  });

  it('a successful build replaces it whole, leaving no temporary file', async () => {
    const r = await run('build', 'issue38.yaml');
    expect(r.code).toBe(0);
    const pdf = readFileSync(join(dir, 'issue38.pdf'), 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf).not.toBe(OLD_PDF);
    expect(files()).toEqual(['issue38.pdf', 'issue38.yaml']);
  });
});

describe('output paths that cannot be written', () => {
  it('a folder in the path is a file', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const r = await run('build', 'issue38.yaml', '-o', 'notes.txt/out.pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('notes.txt/out.pdf: cannot write the PDF: a part of the path is a file, not a folder\n');
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('the output names a folder', async () => {
    mkdirSync(join(dir, 'out'));
    const r = await run('build', 'issue38.yaml', '-o', 'out');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('yanjin-bulletin: -o names the PDF to write, and "out" does not end in .pdf\n');
    mkdirSync(join(dir, 'out.pdf'));
    const p = await run('build', 'issue38.yaml', '-o', 'out.pdf');
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('out.pdf: cannot write the PDF: there is a folder by that name\n');
    expect(readdirSync(join(dir, 'out.pdf'))).toEqual([]);
    rmSync(join(dir, 'out.pdf'), { recursive: true });
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('the output names the issue file itself: it is not overwritten', async () => {
    const r = await run('build', 'issue38.yaml', '-o', 'issue38.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('yanjin-bulletin: -o names the PDF to write, and "issue38.yaml" does not end in .pdf\n');
    expect(readFileSync(join(dir, 'issue38.yaml'), 'utf8')).toBe(ISSUE);
    expect(files()).toEqual(['issue38.pdf', 'issue38.yaml']);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission', async () => {
    const { chmodSync } = await import('node:fs');
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    const r = await run('build', 'issue38.yaml', '-o', 'locked/out.pdf');
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('locked/out.pdf: cannot write the PDF: permission denied (if the file is open in a viewer, close it and try again)\n');
  });
});

describe('a missing input names the path', () => {
  it('validate', async () => {
    const r = await run('validate', 'issue39.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`issue39.yaml: cannot read the file: there is no such file (looked for ${join(dir, 'issue39.yaml')})\n`);
  });

  it('build', async () => {
    const r = await run('build', 'issue39.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`issue39.yaml: cannot read the file: there is no such file (looked for ${join(dir, 'issue39.yaml')})\n`);
  });

  it('a folder with no issue in it (validate takes folders, as build does)', async () => {
    mkdirSync(join(dir, 'issues'));
    const r = await run('validate', 'issues');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('yanjin-bulletin: no issue files in issues (an issue file is a .yaml file with a top-level masthead: key)\n');
  });
});
