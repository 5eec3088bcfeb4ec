// A small tree of distinct issues for the batch tests: short, so each builds fast,
// and each names its number in the title so a PDF read back tells which issue it is.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function issueYaml(n: number, extra = ''): string {
  return [
    'masthead:',
    '  title: 延津政务快报',
    `  issue: ${n}`,
    '  publisher: 延津县人民政府办公室',
    `  date: 2024-01-${String((n % 28) + 1).padStart(2, '0')}`,
    'sections:',
    '  - heading: 民生保障',
    '    items:',
    `      - title: 第${n}期要闻`,
    '        body: 县医疗保障局全面发力，确保农村低收入人口基本医疗有保障。',
    '        source: 医疗保障局',
    extra,
  ].join('\n');
}

/** An issue that fails validation: the title is missing and the issue number is text. */
export const BAD_ISSUE = 'masthead:\n  issue: abc\n  publisher: 办公室\n  date: 2024-01-01\nsections: []\n';

export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'yb-batch-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}
