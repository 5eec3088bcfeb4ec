// --watch: a long-running build that rebuilds an issue when it or its style file changes.
// The test starts it, edits files, waits for the rebuilt PDFs, and stops it by its pid.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { issueYaml, tree } from './fixtures.js';
import { makeTtf, SERIF } from '../fonts/make-font.js';

const root = tree({ 'in/one.yaml': issueYaml(1), 'in/two.yaml': issueYaml(2), 'house.yaml': 'size:\n  body: 16\n' });
const HOUR_AGO = new Date(Date.now() - 3600_000);
for (const f of ['in/one.yaml', 'in/two.yaml', 'house.yaml']) utimesSync(join(root, f), HOUR_AGO, HOUR_AGO);

let child: ChildProcess | undefined;
let stdout = '';
let stderr = '';

/** Wait until stdout holds `count` lines for `pdf` (a deadline, not a timing assertion). */
async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const count = (pdf: string) => stdout.split('\n').filter((l) => l.startsWith(`${pdf}: `) && l.includes('pages')).length;

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('build --watch', () => {
  it('builds, rebuilds an edited issue alone, rebuilds all when the style changes, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [CLI, 'build', 'in', '--style', 'house.yaml', '--out-dir', 'out', '--watch', '--jobs', '1'], { cwd: root });
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    await until(() => count('out/one.pdf') === 1 && count('out/two.pdf') === 1 && stderr.includes('watching'), 'the first build');

    writeFileSync(join(root, 'in/one.yaml'), issueYaml(7));
    await until(() => count('out/one.pdf') === 2, 'the edited issue');
    expect(squash((await readPdf(readFileSync(join(root, 'out/one.pdf')))).text)).toContain('第7期要闻');
    expect(count('out/two.pdf')).toBe(1);
    // A rebuild names what it built, not the issues still up to date.
    await until(() => /^built 1, failed 0, skipped 1 in /m.test(stdout), 'the summary of the rebuild');
    expect(stdout).not.toContain('up to date');

    writeFileSync(join(root, 'house.yaml'), 'size:\n  body: 15\n');
    await until(() => count('out/one.pdf') === 3 && count('out/two.pdf') === 2, 'the style change');

    const exited = new Promise<number | null>((r) => child!.on('exit', (code) => r(code)));
    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
  });

  it('keeps rebuilding through what editors do: a new file renamed over the old, a folder deleted and made again', async () => {
    stdout = '';
    stderr = '';
    child = spawn(process.execPath, [CLI, 'build', 'in', '--out-dir', 'out2', '--watch', '--jobs', '1'], { cwd: root });
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    await until(() => count('out2/one.pdf') === 1 && stderr.includes('watching'), 'the first build');

    // vim and gedit: write the new text beside the file, then rename it over the file.
    writeFileSync(join(root, 'in/.one.yaml.swp'), issueYaml(8));
    renameSync(join(root, 'in/.one.yaml.swp'), join(root, 'in/one.yaml'));
    await until(() => count('out2/one.pdf') === 2, 'the save by rename');
    expect(squash((await readPdf(readFileSync(join(root, 'out2/one.pdf')))).text)).toContain('第8期要闻');

    // The folder deleted and made again (a checkout of another branch, a restore).
    rmSync(join(root, 'in'), { recursive: true });
    await new Promise((r) => setTimeout(r, 400));
    mkdirSync(join(root, 'in'));
    writeFileSync(join(root, 'in/one.yaml'), issueYaml(9));
    await until(() => count('out2/one.pdf') === 3, 'the folder made again');
    expect(squash((await readPdf(readFileSync(join(root, 'out2/one.pdf')))).text)).toContain('第9期要闻');
    // Once more in the new folder: the watch goes on.
    writeFileSync(join(root, 'in/one.yaml'), issueYaml(10));
    await until(() => count('out2/one.pdf') === 4, 'an edit in the folder made again');

    const exited = new Promise<number | null>((r) => child!.on('exit', (code) => r(code)));
    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
  });

  it('sees a face added to a fonts/ folder it watches: an issue that named it builds then', async () => {
    stdout = '';
    stderr = '';
    mkdirSync(join(root, 'in3'));
    writeFileSync(join(root, 'in3/five.yaml'), issueYaml(5, 'style:\n  fonts:\n    lead: YB Late\n'));
    child = spawn(process.execPath, [CLI, 'build', 'in3', '--out-dir', 'out3', '--watch', '--jobs', '1'], { cwd: root });
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    await until(() => stderr.includes('YB Late') && stderr.includes('watching'), 'the first build, failing for want of the face');
    expect(count('out3/five.pdf')).toBe(0);

    mkdirSync(join(root, 'in3/fonts'));
    writeFileSync(join(root, 'in3/fonts/late.ttf'), makeTtf(SERIF, '第5期要闻', { family: 'YB Late', postscript: 'YBLate-Regular' }));
    await until(() => count('out3/five.pdf') === 1, 'the build once the face is there');
    expect(squash((await readPdf(readFileSync(join(root, 'out3/five.pdf')))).text)).toContain('第5期要闻');

    const exited = new Promise<number | null>((r) => child!.on('exit', (code) => r(code)));
    process.kill(child.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
  });
});
