// Build the example (or a variant of it) into a temporary folder, as a user does.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli, type CliResult } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { withoutWarnings } from '../helpers/warnings.js';

export const tmp = () => mkdtempSync(join(tmpdir(), 'yb-print-'));

/** Build `input` (default: the example) to `dir/name`; fails the test on any error. */
export async function build(args: string[], opts: { dir?: string; name?: string; input?: string } = {}): Promise<{ pdf: Buffer; path: string; dir: string; run: CliResult }> {
  const dir = opts.dir ?? tmp();
  const path = join(dir, opts.name ?? 'out.pdf');
  const run = await cli(['build', opts.input ?? EXAMPLE, '-o', path, ...args], { env: { SOURCE_DATE_EPOCH: '' } });
  expect(withoutWarnings(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return { pdf: readFileSync(path), path, dir, run };
}

/** The example issue with its text edited, written to `dir`. */
export function variant(dir: string, edit: (yaml: string) => string, name = 'issue.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, edit(readFileSync(EXAMPLE, 'utf8')));
  return path;
}
