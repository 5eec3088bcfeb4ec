// A batch builds only what is out of date, by content: a PDF made from the same issue,
// style file, faces, options and program version, and still the PDF that was written,
// is skipped, unless --force. File times do not count (a CI cache restored after a fresh
// checkout), one failed issue changes nothing for the others, and a PDF whose issue file
// is gone is reported (--prune removes it).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { SANS_BOLD, SERIF } from '../fonts/make-font.js';
import { issueYaml, tree, BAD_ISSUE } from './fixtures.js';

let root: string;
const made: string[] = [];
afterAll(async () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

interface Report {
  issues: { input: string; status: string }[];
  orphans?: { pdf: string; input: string; removed: boolean }[];
}

async function run(cwd: string, ...extra: string[]): Promise<Report> {
  const r = await cli(['build', 'in', '--style', 'house.yaml', '--out-dir', 'out', '--json', '--jobs', '1', ...extra], { cwd });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Report;
}
const statuses = (rep: Report) => Object.fromEntries(rep.issues.map((i) => [i.input, i.status]));
const build = async (...extra: string[]) => statuses(await run(root, ...extra));

const edit = (rel: string, more: string) => writeFileSync(join(root, rel), readFileSync(join(root, rel), 'utf8') + more);

beforeAll(async () => {
  root = tree({
    'in/one.yaml': issueYaml(1),
    'in/two.yaml': issueYaml(2),
    'house.yaml': 'size:\n  body: 15\nfonts:\n  fallback: [extra.ttf]\n',
  });
  made.push(root);
  copyFileSync(SERIF, join(root, 'extra.ttf'));
});

describe('incremental builds', () => {
  it('build everything the first time, then nothing, whatever the file times say', async () => {
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
    const now = new Date();
    for (const f of ['in/one.yaml', 'house.yaml', 'extra.ttf']) utimesSync(join(root, f), now, now);
    expect(await build()).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'skipped' });
  });

  it('rebuild an issue whose text changed, alone', async () => {
    edit('in/two.yaml', '# a comment changes the file\n');
    expect(await build()).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'built' });
  });

  it('rebuild every issue when the style file changes', async () => {
    edit('house.yaml', 'grid:\n  lines: 22\n');
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('rebuild every issue when a face changes', async () => {
    copyFileSync(SANS_BOLD, join(root, 'extra.ttf'));
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('after a fresh checkout and a restored pdf/ folder (every file new), skip what is unchanged', async () => {
    const ci = mkdtempSync(join(tmpdir(), 'yb-ci-'));
    made.push(ci);
    // cpSync gives every copy a new time, as a checkout and a cache restore do.
    for (const f of ['in', 'house.yaml', 'extra.ttf', 'out']) cpSync(join(root, f), join(ci, f), { recursive: true });
    expect(statuses(await run(ci))).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'skipped' });
    writeFileSync(join(ci, 'in/one.yaml'), issueYaml(1).replace('县医疗保障局', '县人社局'));
    expect(statuses(await run(ci))).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'skipped' });
  });

  it('rebuild with other options, per PDF: a run with --color cmyk on part of the folder leaves the rest', async () => {
    const r = await cli(['build', 'in/one.yaml', '--style', 'house.yaml', '--out-dir', 'out', '--color', 'cmyk', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    expect(await build('--color', 'cmyk')).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'built' });
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('rebuild a PDF that is not the one recorded (written by a run stopped before it saved its record)', async () => {
    copyFileSync(join(root, 'out/two.pdf'), join(root, 'out/one.pdf'));
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'skipped' });
  });

  it('one failed issue does not turn incremental builds off for the others', async () => {
    writeFileSync(join(root, 'in/bad.yaml'), BAD_ISSUE);
    const r = await cli(['build', 'in', '--style', 'house.yaml', '--out-dir', 'out', '--json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(statuses(JSON.parse(r.stdout))).toEqual({ 'in/bad.yaml': 'failed', 'in/one.yaml': 'skipped', 'in/two.yaml': 'skipped' });
    rmSync(join(root, 'in/bad.yaml'));
    expect(await build()).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'skipped' });
  });

  it('build everything with --force', async () => {
    expect(await build('--force')).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('report a PDF whose issue file is gone; --prune removes it', async () => {
    rmSync(join(root, 'in/two.yaml'));
    const text = await cli(['build', 'in', '--style', 'house.yaml', '--out-dir', 'out'], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('out/two.pdf: its issue file in/two.yaml is gone (--prune removes the PDF)\n');
    expect(existsSync(join(root, 'out/two.pdf'))).toBe(true);
    const pruned = await run(root, '--prune');
    expect(pruned.orphans).toEqual([{ pdf: join(root, 'out/two.pdf'), input: join(root, 'in/two.yaml'), removed: true }]);
    expect(existsSync(join(root, 'out/two.pdf'))).toBe(false);
    expect((await run(root)).orphans).toBeUndefined();
  });

  it('--prune removes the PDF and its previews only: not a PNG of the user\'s by a preview\'s name, nor a file a damaged record names', async () => {
    writeFileSync(join(root, 'in/three.yaml'), issueYaml(3));
    await run(root);
    writeFileSync(join(root, 'out/three-1.png'), 'the user\'s own picture');
    const recordFile = join(root, 'out/.yanjin-bulletin-record.json');
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { outputs: Record<string, unknown> };
    record.outputs['../victim.txt'] = { input: 'gone.yaml', key: 'x', pdf: 'y' };
    writeFileSync(recordFile, JSON.stringify(record));
    writeFileSync(join(root, 'victim.txt'), 'precious');
    rmSync(join(root, 'in/three.yaml'));
    const pruned = await run(root, '--prune');
    expect(pruned.orphans).toEqual([{ pdf: join(root, 'out/three.pdf'), input: join(root, 'in/three.yaml'), removed: true }]);
    expect(existsSync(join(root, 'out/three.pdf'))).toBe(false);
    expect(readFileSync(join(root, 'out/three-1.png'), 'utf8')).toBe('the user\'s own picture');
    expect(readFileSync(join(root, 'victim.txt'), 'utf8')).toBe('precious');
  });

  it('--prune leaves a PDF that is not the one recorded (a file of the user\'s in its place)', async () => {
    writeFileSync(join(root, 'in/four.yaml'), issueYaml(4));
    await run(root);
    writeFileSync(join(root, 'out/four.pdf'), '%PDF-1.7 the user\'s own file');
    rmSync(join(root, 'in/four.yaml'));
    const text = await cli(['build', 'in', '--style', 'house.yaml', '--out-dir', 'out', '--prune'], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('out/four.pdf: its issue file in/four.yaml is gone, and the PDF is not the one built from it; it is left as it is\n');
    expect(readFileSync(join(root, 'out/four.pdf'), 'utf8')).toBe('%PDF-1.7 the user\'s own file');
    const json = await run(root, '--prune');
    expect(json.orphans).toEqual([{ pdf: join(root, 'out/four.pdf'), input: join(root, 'in/four.yaml'), removed: false }]);
    rmSync(join(root, 'out/four.pdf'));
  });

  it('always build one issue named alone', async () => {
    const r = await cli(['build', 'in/one.yaml', '--style', 'house.yaml', '-o', 'out/one.pdf'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^out\/one\.pdf: 1 pages/);
  });
});

describe('sharded builds', () => {
  it('each part keeps its own record, so the parts merged into one folder are all up to date', async () => {
    const dir = tree(Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`in/i${n}.yaml`, issueYaml(n)])));
    made.push(dir);
    for (const k of [1, 2]) expect((await cli(['build', 'in', '--out-dir', `part${k}`, '--shard', `${k}/2`, '--quiet'], { cwd: dir })).code).toBe(0);
    for (const k of [1, 2]) cpSync(join(dir, `part${k}`), join(dir, 'merged'), { recursive: true });
    expect(existsSync(join(dir, 'merged', '.yanjin-bulletin-record-1-of-2.json'))).toBe(true);
    expect(existsSync(join(dir, 'merged', '.yanjin-bulletin-record-2-of-2.json'))).toBe(true);
    const r = await cli(['build', 'in', '--out-dir', 'merged', '--json'], { cwd: dir });
    expect(new Set((JSON.parse(r.stdout) as Report).issues.map((i) => i.status))).toEqual(new Set(['skipped']));
  });
});
