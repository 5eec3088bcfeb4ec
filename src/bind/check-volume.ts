// The issues of a bound volume checked against each other before anything is composed:
// the same issue twice or a different page size or style stops the binding (naming the
// files); a gap in the numbering or a second year is only worth a warning.
import type { Problem } from '../errors.js';
import { UserError } from '../errors.js';
import type { Prepared } from '../build-issue.js';
import { locate } from '../load/parse-yaml.js';

export interface VolumeCheck {
  /** The issues in volume order: by year, then by issue number. */
  issues: Prepared[];
  /** `file:line:col: warning: …` lines, for stderr. */
  warnings: string[];
}

const yearOf = (p: Prepared) => Number(p.issue.masthead.date.trim().slice(0, 4));

function at(p: Prepared, path: PropertyKey[]): string {
  const { line, col } = locate(p.loaded, path);
  return `${p.file}:${line}:${col}`;
}

export function checkVolume(prepared: Prepared[]): VolumeCheck {
  const issues = [...prepared].sort((a, b) => yearOf(a) - yearOf(b) || a.issue.masthead.issue - b.issue.masthead.issue);
  const problems: Problem[] = [];
  const warnings: string[] = [];

  // Issue numbers start again each year, so 第 1 期 of two years are two issues.
  for (let i = 1; i < issues.length; i++) {
    const [a, b] = [issues[i - 1], issues[i]];
    if (yearOf(a) !== yearOf(b)) continue;
    const [na, nb] = [a.issue.masthead.issue, b.issue.masthead.issue];
    if (na === nb) {
      const { line, col } = locate(b.loaded, ['masthead', 'issue']);
      problems.push({ file: b.file, line, col, field: 'masthead.issue', message: `第 ${nb} 期 of ${yearOf(b)} is also ${at(a, ['masthead', 'issue'])}; a volume binds each issue once` });
    } else if (nb > na + 1) {
      const missing = nb === na + 2 ? `第 ${na + 1} 期 is` : `第 ${na + 1}–${nb - 1} 期 are`;
      warnings.push(`${at(b, ['masthead', 'issue'])}: warning: ${missing} missing between ${a.file} (第 ${na} 期) and this issue (第 ${nb} 期)`);
    }
  }

  const years = [...new Set(issues.map(yearOf))];
  if (years.length > 1) {
    const first = issues.find((p) => yearOf(p) !== years[0])!;
    warnings.push(`${at(first, ['masthead', 'date'])}: warning: the volume spans ${years.join(', ')}: this is the first issue of ${yearOf(first)}`);
  }

  // Every issue is set in the style of the first: one page size, one look for the book.
  const [base] = issues;
  for (const p of issues.slice(1)) {
    const keys = differences(base.style, p.style);
    if (!keys.length) continue;
    const page = keys.filter((k) => /^page\.(width|height)$/.test(k));
    const message = page.length
      ? `its page size (${mm(p.style.page.width)} × ${mm(p.style.page.height)} mm) differs from ${base.file}'s (${mm(base.style.page.width)} × ${mm(base.style.page.height)} mm)`
      : `its style differs from ${base.file}'s in ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ' …' : ''}`;
    problems.push({ file: p.file, field: 'style', message, hint: 'a volume binds issues of one style: give them the same style file, or bind them in separate volumes' });
  }
  if (problems.length) throw new UserError(problems);
  return { issues, warnings };
}

const mm = (pt: number) => String(Math.round((pt / 72) * 25.4 * 10) / 10);

/** Dotted paths of the leaves where two resolved styles differ. */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}
