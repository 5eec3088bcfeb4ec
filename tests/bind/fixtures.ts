// Back issues for the bind tests: issues 34–37 of 2023 generated from the example's items
// (bench/gen-issues.mjs), each a week before the next, and the example itself (第 38 期).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
// @ts-expect-error: a plain .mjs script without types
import { makeIssues } from '../../bench/gen-issues.mjs';
import { EXAMPLE } from '../helpers/paths.js';

export const FIRST = 34;
export const LAST = 38;

/** A temporary folder holding in/issue34.yaml … in/issue38.yaml (the caller removes it). */
export function backIssues(): { root: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'yb-bind-'));
  const generated = join(root, 'generated');
  const files: string[] = [];
  mkdirSync(join(root, 'in'));
  (makeIssues(LAST - FIRST, generated, 5) as string[]).forEach((f, i) => {
    const n = FIRST + i;
    const issue = parse(readFileSync(f, 'utf8'));
    const date = new Date(Date.UTC(2023, 7, 25) - 7 * (LAST - n) * 86400000).toISOString().slice(0, 10);
    issue.masthead = { ...issue.masthead, issue: n, date };
    const out = join(root, 'in', `issue${n}.yaml`);
    writeFileSync(out, stringify(issue, { lineWidth: 0 }));
    files.push(out);
  });
  copyFileSync(EXAMPLE, join(root, 'in', `issue${LAST}.yaml`));
  files.push(join(root, 'in', `issue${LAST}.yaml`));
  return { root, files };
}
