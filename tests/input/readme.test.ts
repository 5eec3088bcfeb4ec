// The README's "When the build fails" shows real messages: make the same mistakes in a
// copy of the example issue and check the build still says exactly that.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { EXAMPLE, ROOT } from '../helpers/paths.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## When the build fails'), readme.indexOf('## Style'));
/** The indented example lines, as the README shows them (4 spaces of Markdown code indent removed). */
const shown = section
  .split('\n')
  .filter((l) => /^ {4}\S/.test(l) || /^ {8}hint:/.test(l))
  .map((l) => l.slice(4));

describe('README: When the build fails', () => {
  it('shows messages', () => {
    expect(shown.length).toBeGreaterThanOrEqual(4);
  });

  it('shows what the build really prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yb-readme-'));
    const ex = readFileSync(EXAMPLE, 'utf8');
    const one = (from: string, to: string, text: string) => {
      expect(text).toContain(from);
      return text.replace(from, to);
    };
    let a = one('  date: 2023-08-25', '  date: 2023-02-30', ex);
    a = one('      - title: 县医疗保障局全面发力', '      - titel: 县医疗保障局全面发力', a);
    a = one('        source: 供销社', '        source: 0012', a);
    writeFileSync(join(dir, 'issue38.yaml'), a);
    writeFileSync(join(dir, 'issue39.yaml'), one('  publisher: 延津县人民政府办公室', '  publisher：延津县人民政府办公室', ex));
    const r1 = await cli(['build', 'issue38.yaml'], { cwd: dir });
    const r2 = await cli(['build', 'issue39.yaml'], { cwd: dir });
    expect(r1.code).toBe(1);
    expect(r2.code).toBe(1);
    const printed = (r1.stderr + r2.stderr).split('\n');
    for (const line of shown) expect(printed).toContain(line);
  });
});
