// Every test file gets a temporary folder of its own, removed when the file is done:
// the helpers and the tests make their folders with tmpdir(), which follows TMPDIR, so
// whatever a test (or a command it runs) makes there goes with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const outer = process.env.TMPDIR;
const root = mkdtempSync(join(tmpdir(), 'yb-test-'));
process.env.TMPDIR = root;

afterAll(() => {
  if (outer === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outer;
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
