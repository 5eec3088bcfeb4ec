// A batch builds only what is out of date: a PDF newer than its issue, style file, faces
// and the program, built with the same options, is skipped, unless --force.
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { SERIF } from '../fonts/make-font.js';
import { issueYaml, tree } from './fixtures.js';

let root: string;
const HOUR_AGO = new Date(Date.now() - 3600_000);

async function build(...extra: string[]): Promise<Record<string, string>> {
  const r = await cli(['build', 'in', '--style', 'house.yaml', '--out-dir', 'out', '--json', '--jobs', '1', ...extra], { cwd: root });
  expect(r.stderr).toBe('');
  const rep = JSON.parse(r.stdout) as { issues: { input: string; status: string }[] };
  return Object.fromEntries(rep.issues.map((i) => [i.input, i.status]));
}

/** Mark a file as edited now, after the PDFs were written. */
const touch = (rel: string) => utimesSync(join(root, rel), new Date(), new Date());

beforeAll(() => {
  root = tree({
    'in/one.yaml': issueYaml(1),
    'in/two.yaml': issueYaml(2),
    'house.yaml': 'size:\n  body: 15\nfonts:\n  fallback: [extra.ttf]\n',
  });
  copyFileSync(SERIF, join(root, 'extra.ttf'));
  for (const f of ['in/one.yaml', 'in/two.yaml', 'house.yaml', 'extra.ttf']) utimesSync(join(root, f), HOUR_AGO, HOUR_AGO);
});

describe('incremental builds', () => {
  it('build everything the first time, then nothing', async () => {
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
    const before = statSync(join(root, 'out/one.pdf')).mtimeMs;
    expect(await build()).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'skipped' });
    expect(statSync(join(root, 'out/one.pdf')).mtimeMs).toBe(before);
  });

  it('rebuild an edited issue alone', async () => {
    touch('in/two.yaml');
    expect(await build()).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'built' });
  });

  it('rebuild every issue when the style file changes', async () => {
    touch('house.yaml');
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('rebuild every issue when a face file changes', async () => {
    touch('extra.ttf');
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('rebuild a PDF that is older than its issue', async () => {
    utimesSync(join(root, 'out/one.pdf'), new Date(0), new Date(0));
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'skipped' });
  });

  it('rebuild every issue when the options differ from those the folder was built with', async () => {
    expect(await build('--color', 'cmyk')).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
    expect(await build('--color', 'cmyk')).toEqual({ 'in/one.yaml': 'skipped', 'in/two.yaml': 'skipped' });
    expect(await build()).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('build everything with --force', async () => {
    expect(await build('--force')).toEqual({ 'in/one.yaml': 'built', 'in/two.yaml': 'built' });
  });

  it('always build one issue named alone', async () => {
    const r = await cli(['build', 'in/one.yaml', '--style', 'house.yaml', '-o', 'out/one.pdf'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^out\/one\.pdf: 1 pages/);
  });
});
