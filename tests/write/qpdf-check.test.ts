// The written PDFs checked by an independent PDF library: qpdf (Debian's package, which
// .ci/run installs) parses every object and stream and reports any syntax or encoding
// error. Skipped, saying so, where qpdf is not installed.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { EXAMPLE, ROOT } from '../helpers/paths.js';

const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;
if (!hasQpdf) console.warn('qpdf is not installed: the PDFs are not checked by it (apt-get install qpdf)');

describe.skipIf(!hasQpdf)('qpdf --check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yb-qpdf-'));
  const cases: Array<[string, string[]]> = [
    ['issue 38', [EXAMPLE]],
    ['issue 38 as PDF/A', [EXAMPLE, '--pdfa']],
    ['issue 38 in CMYK', [EXAMPLE, '--color', 'cmyk']],
    ['the stress issue', [join(ROOT, 'examples', 'stress.yaml')]],
  ];
  it.each(cases)('finds no error in %s', async (name, args) => {
    const out = join(dir, `${name.replace(/\W+/g, '-')}.pdf`);
    const r = await cli(['build', ...args, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const q = spawnSync('qpdf', ['--check', out], { encoding: 'utf8' });
    expect(q.status, q.stdout + q.stderr).toBe(0);
    expect(q.stdout).toContain('No syntax or stream encoding errors found');
    expect(q.stderr).toBe('');
  });
});
