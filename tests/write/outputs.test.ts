// Outputs: only what is ours is replaced. Devices and FIFOs are written into, symbolic
// links keep pointing where they did, read-only files are refused, folders the system
// will not make are said to be so at once, and temporary files never outlive the run.
import { describe, it, expect, beforeEach } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { CLI } from '../helpers/paths.js';
import { MINIMAL_ISSUE } from '../helpers/variant.js';
import { outputTarget } from '../../src/write/output-target.js';

let dir: string;
const run = (...args: string[]) => cli(args, { cwd: dir });
const OLD_PDF = '%PDF-1.3\n% an earlier issue 38\n%%EOF\n';
const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-outputs-'));
  writeFileSync(join(dir, 'issue38.yaml'), MINIMAL_ISSUE);
});

describe('devices and FIFOs are written into, not replaced', () => {
  it('/dev/null is a sink, and /dev/stdout the process\'s own output: written into, never renamed over', () => {
    expect(outputTarget('/dev/null')).toEqual({ how: 'stream', path: '/dev/null' });
    expect(outputTarget('/dev/stdout')).toEqual({ how: 'stream', path: '/dev/stdout' });
  });

  it('a FIFO stays a FIFO and its reader gets the PDF', async () => {
    const fifo = join(dir, 'pipe.pdf');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    const got: Buffer[] = [];
    reader.stdout.on('data', (b: Buffer) => got.push(b));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = await run('build', 'issue38.yaml', '-o', 'pipe.pdf');
    await done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(Buffer.concat(got).subarray(0, 5).toString()).toBe('%PDF-');
    expect(temps()).toEqual([]);
  });

  it('previews are not put beside /dev/null', async () => {
    const r = await run('build', 'issue38.yaml', '-o', '/dev/null', '--preview');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/dev/null: cannot write the previews: they go beside the PDF, and this is not a file in a folder');
  });
});

describe('links and permissions', () => {
  it('a symbolic link keeps its link: the file it points to is replaced, beside itself', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', 'real.pdf'), OLD_PDF);
    symlinkSync(join('archive', 'real.pdf'), join(dir, 'latest.pdf'));
    const r = await run('build', 'issue38.yaml', '-o', 'latest.pdf');
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'latest.pdf')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'latest.pdf'))).toBe(join('archive', 'real.pdf'));
    expect(readFileSync(join(dir, 'archive', 'real.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, 'archive', 'real.pdf'), 'latin1')).not.toBe(OLD_PDF);
  });

  it('a link to a file not there yet makes the file it names', async () => {
    symlinkSync('target.pdf', join(dir, 'link.pdf'));
    expect((await run('build', 'issue38.yaml', '-o', 'link.pdf')).code).toBe(0);
    expect(lstatSync(join(dir, 'link.pdf')).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, 'target.pdf')).isFile()).toBe(true);
  });

  it('a loop of links is named, not followed forever', async () => {
    symlinkSync('b.pdf', join(dir, 'a.pdf'));
    symlinkSync('a.pdf', join(dir, 'b.pdf'));
    const r = await run('build', 'issue38.yaml', '-o', 'a.pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.pdf: cannot write the PDF: the path is a loop of symbolic links');
  });

  it('a read-only PDF is refused by name and left as it is (also for root)', async () => {
    writeFileSync(join(dir, 'issue38.pdf'), OLD_PDF);
    chmodSync(join(dir, 'issue38.pdf'), 0o444);
    const r = await run('build', 'issue38.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('issue38.pdf: cannot write the PDF: the file is read-only; it was left as it is');
    expect(readFileSync(join(dir, 'issue38.pdf'), 'latin1')).toBe(OLD_PDF);
    expect(statSync(join(dir, 'issue38.pdf')).mode & 0o777).toBe(0o444);
    expect(temps()).toEqual([]);
  });

  it('a replaced PDF keeps its permissions', async () => {
    writeFileSync(join(dir, 'issue38.pdf'), OLD_PDF);
    chmodSync(join(dir, 'issue38.pdf'), 0o640);
    expect((await run('build', 'issue38.yaml')).code).toBe(0);
    expect(statSync(join(dir, 'issue38.pdf')).mode & 0o777).toBe(0o640);
  });
});

describe('paths that cannot be written are named at once', () => {
  it('an empty -o is named as empty', async () => {
    const r = await run('build', 'issue38.yaml', '-o', '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o names the PDF to write, and was given an empty name');
  });

  it('-o FOLDER/ says it names a folder', async () => {
    const r = await run('build', 'issue38.yaml', '-o', 'adir/');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"adir/" ends in a slash, so it names a folder');
  });

  it('folders under /proc are refused without spinning (-o and --out-dir)', async () => {
    const t0 = performance.now();
    const one = await run('build', 'issue38.yaml', '-o', '/proc/no/such/dir/x.pdf');
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('/proc/no/such/dir/x.pdf: cannot write the PDF: cannot create the folder /proc/no: folders cannot be made there');
    const many = await run('build', 'issue38.yaml', '--out-dir', '/proc/no/such/dir');
    expect(many.code).toBe(1);
    expect(many.stderr).toContain('cannot create the folder /proc/no');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('temporary files', () => {
  it('are named .NAME.PID.*.tmp, and stale ones (their process gone) are removed by the next run there', async () => {
    // A PID no process has: past the kernel's largest.
    const stale = '.issue38.pdf.4194999.0a1b2c.tmp';
    const live = `.issue38.pdf.${process.ppid}.3d4e5f.tmp`;
    const other = 'notes.tmp';
    for (const f of [stale, live, other]) writeFileSync(join(dir, f), 'left over');
    expect((await run('build', 'issue38.yaml')).code).toBe(0);
    expect(temps().sort()).toEqual([live, other].sort());
  });

  it('are removed when the process is stopped (SIGTERM) while a PDF is being flushed', async () => {
    writeFileSync(join(dir, 'issue39.yaml'), MINIMAL_ISSUE.replace('issue: 38', 'issue: 39'));
    // The flush never ends: the run is stopped while the temporary file is there.
    const fault = join(dir, 'slow-disk.mjs');
    writeFileSync(
      fault,
      `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
       fs.fsync = () => { process.stderr.write('flushing\\n'); setInterval(() => {}, 1000); };
       syncBuiltinESMExports();`,
    );
    const child = spawn(process.execPath, [CLI, 'build', 'issue38.yaml', 'issue39.yaml', '--jobs', '1'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: `--import=${fault}` } });
    await new Promise<void>((resolve) => child.stderr.on('data', (b: Buffer) => b.toString().includes('flushing') && resolve()));
    expect(temps().length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGTERM');
    expect(temps()).toEqual([]);
    expect(existsSync(join(dir, 'issue38.pdf'))).toBe(false);
  });

  it('of worker threads too: the main thread removes them when stopped', async () => {
    for (const n of [39, 40, 41, 42]) writeFileSync(join(dir, `issue${n}.yaml`), MINIMAL_ISSUE.replace('issue: 38', `issue: ${n}`));
    // Every flush hangs: this thread's on the thread pool, a worker's in fsyncSync.
    const fault = join(dir, 'slow-disk.mjs');
    writeFileSync(
      fault,
      `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
       fs.fsync = () => { process.stderr.write('flushing here\\n'); setInterval(() => {}, 1000); };
       fs.fsyncSync = () => { process.stderr.write('flushing in a worker\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); };
       syncBuiltinESMExports();`,
    );
    const issues = ['issue38.yaml', 'issue39.yaml', 'issue40.yaml', 'issue41.yaml', 'issue42.yaml'];
    const child = spawn(process.execPath, [CLI, 'build', ...issues, '--jobs', '2'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: `--import=${fault}` } });
    let said = '';
    await new Promise<void>((resolve) => child.stderr.on('data', (b: Buffer) => (said += b.toString()).includes('flushing here') && said.includes('flushing in a worker') && resolve()));
    // The worker's message about its file is on its way to this thread: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(temps().length).toBeGreaterThan(1);
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)))).toBe('SIGTERM');
    expect(temps()).toEqual([]);
  });
});
