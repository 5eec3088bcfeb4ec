// An issue → plain text in the shape the importer reads (the seed text's shape): what a
// clerk gets copying an issue out of its PDF, one paragraph a line, blank lines between.
import type { Issue } from '../validate/schema.js';

export function formatDateLine(iso: string): string {
  const [y, m, d] = iso.trim().split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

export function issueLine(m: Issue['masthead']): string {
  return `第 ${m.issue} 期${m.total ? `（总第 ${m.total} 期）` : ''}`;
}

export function distributionLine(d: NonNullable<Issue['distribution']>): string {
  const list = Array.isArray(d.to) ? d.to.join('，') : d.to.trim();
  return `${d.label}：${/[。.]$/.test(list) ? list : `${list}。`}${d.copies ? ` 共印 ${d.copies} 份` : ''}`;
}

export function issueToText(issue: Issue): string {
  const m = issue.masthead;
  const lines: string[] = [];
  if (m.mark) lines.push(m.mark);
  lines.push(m.title, issueLine(m), m.publisher, formatDateLine(m.date));
  for (const s of issue.sections) {
    lines.push(s.heading.startsWith('【') ? s.heading : `【${s.heading}】`);
    for (const it of s.items) {
      const paras = it.body.split(/\n[ \t\u3000]*\n/).map((p) => p.replace(/\n/g, '').trim()).filter(Boolean);
      if (it.title) paras[0] = `${it.title} ${paras[0] ?? ''}`.trim();
      if (it.source) paras[paras.length - 1] += `（${it.source}）`;
      lines.push(...paras);
    }
  }
  if (issue.distribution) lines.push(distributionLine(issue.distribution));
  for (const s of issue.staff ?? []) lines.push(`${s.role}：${s.name}`);
  return lines.map((l) => `${l}\n`).join('\n');
}
