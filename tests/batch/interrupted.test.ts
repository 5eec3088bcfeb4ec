// A run stopped with Ctrl-C must not leave PDFs reported up to date for options they were
// not built with: a stopped `--color cmyk` run over RGB PDFs, then a plain run, leaves
// every PDF RGB (byte for byte the RGB build), rebuilding just those the stopped run wrote.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { CLI } from '../helpers/paths.js';
import { issueYaml, tree } from './fixtures.js';

const N = 12;
const root = tree(Object.fromEntries(Array.from({ length: N }, (_, i) => [`in/issue${String(i + 1).padStart(2, '0')}.yaml`, issueYaml(i + 1)])));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const names = Array.from({ length: N }, (_, i) => `issue${String(i + 1).padStart(2, '0')}.pdf`);
const bytes = (dir: string, name: string) => {
  try {
    return readFileSync(join(root, dir, name));
  } catch {
    return undefined;
  }
};
const changed = () => names.filter((n) => !bytes('out', n)?.equals(bytes('ref', n)!));

describe('a run stopped with Ctrl-C', () => {
  it('leaves no PDF claimed for options it was not built with', async () => {
    expect((await cli(['build', 'in', '--out-dir', 'ref', '--quiet'], { cwd: root })).code).toBe(0);
    expect((await cli(['build', 'in', '--out-dir', 'out', '--quiet'], { cwd: root })).code).toBe(0);
    expect(changed()).toEqual([]);

    const child = spawn(process.execPath, [CLI, 'build', 'in', '--out-dir', 'out', '--color', 'cmyk', '--jobs', '1', '--quiet'], { cwd: root, stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    // Stop it once it has rewritten a few PDFs (a deadline, not a timing assertion).
    const deadline = Date.now() + 60_000;
    while (changed().length < 2 && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    if (child.exitCode === null) process.kill(child.pid!, 'SIGINT');
    await exited;
    const cmyk = changed();
    expect(cmyk.length).toBeGreaterThan(0);

    const r = await cli(['build', 'in', '--out-dir', 'out', '--json'], { cwd: root });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { issues: { output: string; status: string }[] };
    const rebuilt = report.issues.filter((i) => i.status === 'built').map((i) => i.output.split('/').pop());
    // Every PDF the stopped run wrote is built again; after it, every PDF is the RGB one.
    for (const n of cmyk) expect(rebuilt).toContain(n);
    expect(changed()).toEqual([]);
  });
});
