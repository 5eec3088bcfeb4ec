// Variants of the example issue, written to a temporary folder, for tests that need
// one field changed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { EXAMPLE } from './paths.js';

export type IssueData = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function exampleData(): IssueData {
  return parse(readFileSync(EXAMPLE, 'utf8')) as IssueData;
}

export function tempDir(prefix = 'yb-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write `data` as an issue file in `dir` and return its path. */
export function writeIssue(dir: string, name: string, data: IssueData): string {
  const path = join(dir, name);
  writeFileSync(path, stringify(data));
  return path;
}

/** The smallest valid issue: one section, one item. */
export const MINIMAL_ISSUE = `masthead:
  title: 延津政务快报
  issue: 38
  publisher: 延津县人民政府办公室
  date: 2023-08-25
sections:
  - heading: 民生保障
    items:
      - body: 截至目前，应参保3215人。
`;
