// An issue → YAML text laid out the way people write issue files by hand (examples/issue38.yaml):
// bodies as literal blocks with a blank line between paragraphs, staff as one-line maps.
import { stringify } from 'yaml';
import type { Issue, Item } from '../validate/schema.js';

/** A scalar as YAML writes it on one line (quoted only when it has to be). */
export function scalar(v: string | number): string {
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

/** A literal block (`|`) for text with several paragraphs; the indent is the block's. */
export function literal(text: string, indent: string): string {
  const lines = text.split('\n').map((l) => (l.trim() ? indent + l : ''));
  // A first line starting with a space would need an indentation indicator; bodies are trimmed.
  return `|\n${lines.join('\n')}`;
}

export interface YamlOptions {
  /** Comment lines (without `#`) put at the top. */
  header?: string[];
}

export function issueToYaml(issue: Issue, opts: YamlOptions = {}): string {
  const out: string[] = [];
  for (const h of opts.header ?? []) out.push(h ? `# ${h}` : '#');
  const m = issue.masthead;
  out.push('masthead:');
  out.push(`  title: ${scalar(m.title)}`);
  out.push(`  issue: ${m.issue}`);
  if (m.total !== undefined) out.push(`  total: ${m.total}`);
  out.push(`  publisher: ${scalar(m.publisher)}`);
  out.push(`  date: ${m.date}`);
  if (m.mark !== undefined) out.push(`  mark: ${scalar(m.mark)}`);
  out.push('', 'sections:');
  issue.sections.forEach((s, i) => {
    if (i) out.push('');
    out.push(`  - heading: ${scalar(s.heading)}`, '    items:');
    for (const it of s.items) out.push(...itemLines(it));
  });
  if (issue.distribution) {
    const d = issue.distribution;
    out.push('', 'distribution:', `  label: ${scalar(d.label)}`);
    if (Array.isArray(d.to)) {
      out.push('  to:');
      for (const r of d.to) out.push(`    - ${scalar(r)}`);
    } else out.push(`  to: ${scalar(d.to)}`);
    if (d.copies !== undefined) out.push(`  copies: ${d.copies}`);
  }
  if (issue.staff?.length) {
    out.push('', 'staff:');
    for (const s of issue.staff) out.push(`  - {role: ${flow(s.role)}, name: ${flow(s.name)}}`);
  }
  if (issue.style && Object.keys(issue.style).length) {
    out.push('', stringify({ style: issue.style }, { lineWidth: 0 }).trimEnd());
  }
  return out.join('\n') + '\n';
}

function itemLines(it: Item): string[] {
  const out: string[] = [];
  const lead = '      - ';
  const pad = '        ';
  const first = it.title !== undefined ? `title: ${scalar(it.title)}` : undefined;
  const body = `body: ${literal(it.body, pad + '  ')}`;
  if (first) out.push(lead + first, pad + body);
  else out.push(lead + body);
  if (it.source !== undefined) out.push(`${pad}source: ${scalar(it.source)}`);
  return out;
}

/** Inside a flow map `{…}` a few more characters need quotes than in a block. */
function flow(s: string): string {
  return /[,{}[\]:#]|^\s|\s$/.test(s) ? JSON.stringify(s) : scalar(s);
}
