// How the program is loaded for a fast start: its bundle through V8's code cache (the
// first run fills it, later runs use it; the PDF is the same byte for byte with the
// cache, without it, or with a damaged one).
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliProcess } from '../helpers/cli.js';
import { issueYaml, tree } from './fixtures.js';

describe('the code cache', () => {
  it('is filled once, and changes nothing in the output', () => {
    const root = tree({ 'one.yaml': issueYaml(1) });
    const cache = mkdtempSync(join(tmpdir(), 'yb-cache-'));
    const build = (out: string, env: string) => {
      const r = cliProcess(['build', 'one.yaml', '-o', out], { cwd: root, env: { YANJIN_BULLETIN_CACHE: env } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return readFileSync(join(root, out));
    };
    const first = build('first.pdf', cache);
    const [sub] = readdirSync(cache);
    expect(sub).toBe(`v8-${process.versions.v8}-${process.arch}`);
    const entries = readdirSync(join(cache, sub));
    // The bundle (commander, yaml, zod and the program); fontkit only for CFF faces.
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries.every((e) => e.endsWith('.bin'))).toBe(true);

    const cached = build('cached.pdf', cache);
    expect(readdirSync(join(cache, sub)).sort()).toEqual(entries.sort());
    const off = build('off.pdf', 'off');
    for (const e of entries) writeFileSync(join(cache, sub, e), 'damaged');
    const damaged = build('damaged.pdf', cache);

    expect(cached.equals(first)).toBe(true);
    expect(off.equals(first)).toBe(true);
    expect(damaged.equals(first)).toBe(true);
  });

  it('a batch (whose V8 flags differ after start-up) leaves a partial entry, which a build of one issue completes', () => {
    const root = tree({ 'a.yaml': issueYaml(1), 'b.yaml': issueYaml(2) });
    const cache = mkdtempSync(join(tmpdir(), 'yb-cache-'));
    const run = (args: string[]) => {
      const r = cliProcess(args, { cwd: root, env: { YANJIN_BULLETIN_CACHE: cache } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    };
    const entries = () => readdirSync(join(cache, readdirSync(cache)[0])).sort();
    run(['build', 'a.yaml', 'b.yaml', '--out-dir', 'batch1', '--quiet']);
    const [partial] = entries();
    expect(entries()).toEqual([partial]);
    expect(partial).toMatch(/\.partial\.bin$/);
    run(['build', 'a.yaml', '-o', 'one.pdf']);
    expect(entries()).toEqual([partial.replace('.partial', ''), partial].sort());
    run(['build', 'a.yaml', 'b.yaml', '--out-dir', 'batch2', '--quiet']);
    expect(entries()).toHaveLength(2);
    for (const f of ['a.pdf', 'b.pdf']) expect(readFileSync(join(root, 'batch2', f)).equals(readFileSync(join(root, 'batch1', f)))).toBe(true);
    expect(readFileSync(join(root, 'one.pdf')).equals(readFileSync(join(root, 'batch1', 'a.pdf')))).toBe(true);
  });

  it('YANJIN_BULLETIN_TIMINGS=1 says when each stage of a build ended', () => {
    const root = tree({ 'one.yaml': issueYaml(1) });
    const r = cliProcess(['build', 'one.yaml', '-o', 'one.pdf'], { cwd: root, env: { YANJIN_BULLETIN_TIMINGS: '1' } });
    expect(r.code).toBe(0);
    const m = /^timings: program loaded ([\d.]+), start ([\d.]+), loaded and validated ([\d.]+), faces ([\d.]+), laid out ([\d.]+), pdf made ([\d.]+), written ([\d.]+), exit ([\d.]+)\n$/.exec(r.stderr);
    expect(m, r.stderr).toBeTruthy();
    const t = m!.slice(1).map(Number);
    for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
  });
});
