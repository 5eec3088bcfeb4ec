// `new`: the next issue's file — the last issue's masthead, distribution and staff carried
// over with the number moved on and the date guessed from its rhythm, and a commented template for the sections.
import type { Issue } from '../validate/schema.js';
import { issueToYaml } from './issue-yaml.js';

/**
 * The placeholders are ordinary text, so the template validates and builds as it stands
 * (a proof shows the layout); each one says 待填写 so an unfilled one is easy to spot.
 */
export const PLACEHOLDER = {
  heading: '栏目名称（待填写）',
  title: '标题：单位＋做法（待填写）',
  body1: '正文第一段（待填写）。',
  body2: '正文第二段：没有就删去这一段和上面的空行（待填写）。',
  source: '来稿单位（待填写）',
} as const;

/** Today as YYYY-MM-DD in local time; YB_TODAY=2023-09-01 stands in for it (tests, back-dating). */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  if (env.YB_TODAY) return env.YB_TODAY.trim();
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The issue after `last` (or a blank first issue), sections left to fill in. */
export function nextIssue(last: Issue | undefined, date: string): Issue {
  if (!last) {
    return {
      masthead: { title: '简报名称（待填写）', issue: 1, publisher: '编印单位（待填写）', date },
      sections: [templateSection()],
      distribution: { label: '本期发', to: ['发送对象一（待填写）', '发送对象二（待填写）'] },
      staff: [
        { role: '责任编辑', name: '姓名（待填写）' },
        { role: '审核', name: '姓名（待填写）' },
        { role: '签发', name: '姓名（待填写）' },
      ],
    };
  }
  const m = last.masthead;
  return {
    masthead: { ...m, issue: m.issue + 1, ...(m.total !== undefined ? { total: m.total + 1 } : {}), date },
    sections: [templateSection()],
    ...(last.distribution ? { distribution: last.distribution } : {}),
    ...(last.staff ? { staff: last.staff } : {}),
    ...(last.style ? { style: last.style } : {}),
  };
}

function templateSection() {
  return {
    heading: PLACEHOLDER.heading,
    items: [{ title: PLACEHOLDER.title, body: `${PLACEHOLDER.body1}\n\n${PLACEHOLDER.body2}`, source: PLACEHOLDER.source }],
  };
}

/** The next issue as YAML with comments explaining each field. */
/** `dateNote`: where the date came from, said after it (the proofreader reads "made on"). */
export function templateYaml(issue: Issue, from: string | undefined, dateNote = 'change it to the issue date'): string {
  const m = issue.masthead;
  const header = from
    ? [`${m.title} 第 ${m.issue} 期: started from ${from} (number + 1, the date guessed; masthead,`, 'distribution and staff carried over). Fill in the sections, then check and build:']
    : ['A new bulletin: fill in every field marked 待填写, then check and build:'];
  header.push(`  yanjin-bulletin validate THIS.yaml && yanjin-bulletin build THIS.yaml`, `Placeholders contain 待填写; search for it before printing.`);
  const plain = issueToYaml(issue, { header });
  return annotate(plain, issue, from !== undefined, dateNote);
}

const OPTIONAL: [RegExp, string[]][] = [
  [/^ {2}issue: /, ['  # total: 1  # optional running total, printed （总第 N 期）: remove the first # to use it']],
  [/^ {2}date: /, ['  # mark: 内部资料 注意保存  # optional, top left of page 1: remove the first # to use it']],
  [/^ {4}- 发送对象二/, ['  # copies: 100  # optional print run, printed 共印 N 份: remove the first # to use it']],
];

/** Comments added after the lines they explain; the YAML itself is what issueToYaml wrote. */
function annotate(yaml: string, issue: Issue, fromLast: boolean, dateNote: string): string {
  const after: [RegExp, string][] = [
    [/^masthead:$/, '报头 (masthead): printed at the top of page 1'],
    [/^ {2}title: /, "the bulletin's name, printed large in red"],
    [/^ {2}issue: /, fromLast ? 'this issue\'s number: the last one + 1 (第 N 期)' : 'this issue\'s number (第 N 期)'],
    [/^ {2}total: /, 'running total across years: the last one + 1 (（总第 N 期）); delete the line if not used'],
    [/^ {2}publisher: /, 'printed on the left under the issue line'],
    [/^ {2}date: /, `YYYY-MM-DD, printed as 2023 年 8 月 25 日; ${dateNote}`],
    [/^ {2}mark: /, 'top left of page 1, e.g. 内部资料 注意保存; delete the line if not used'],
    [/^sections:$/, 'one entry per column (栏目); copy the "- heading:" block for more'],
    [/^ {2}- heading: /, 'printed as 【heading】'],
    [/^ {4}items:$/, 'one entry per report; copy the "- title:" block for more'],
    [/^ {6}- title: /, 'the bold lead title (optional: delete the line for an item without one)'],
    [/^ {8}body: \|$/, 'the text, indented under body: | ; a blank line starts a new paragraph'],
    [/^ {8}source: /, 'the reporting unit, printed （unit） at the end (optional)'],
    [/^distribution:$/, '报尾: who receives the issue'],
    [/^ {2}label: /, '本期发, 本期报, 本期送 or 本期增发'],
    [/^ {2}to:$/, 'one recipient a line; printed joined with ， and closed with 。'],
    [/^ {2}copies: /, 'print run, printed 共印 N 份; delete the line if not used'],
    [/^staff:$/, 'printed in this order on the last line: 责任编辑：…  审核：…  签发：…'],
  ];
  const seen = new Set<RegExp>();
  const out: string[] = [];
  for (const line of yaml.split('\n')) {
    const hit = after.find(([re]) => !seen.has(re) && re.test(line));
    if (hit) {
      seen.add(hit[0]);
      const c = `# ${hit[1]}`;
      // Short lines take the comment at their end; a block header keeps its own line clean.
      if (/\|$/.test(line)) out.push(`${line.replace(/\S.*$/, '')}${c}`, line);
      else out.push(`${line}  ${c}`);
    } else out.push(line);
    // A blank template also shows the optional fields, commented out.
    if (!fromLast) out.push(...(OPTIONAL.find(([re]) => re.test(line))?.[1] ?? []));
  }
  return out.join('\n');
}
