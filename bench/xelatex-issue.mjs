#!/usr/bin/env node
// An issue file as a XeLaTeX document (ctexart, its default Chinese typesetting) with the
// same faces, page and type size, so the quality report and a stopwatch can compare
// XeLaTeX with this program on the same text. Run on demand; needs TeX Live's xelatex and
// ctex (Debian: texlive-xetex texlive-lang-chinese), which the project does not depend on.
//
//   node bench/xelatex-issue.mjs examples/issue38.yaml /tmp/x/issue38.tex
//   cd /tmp/x && xelatex issue38.tex && node …/scripts/quality-report.mjs issue38.pdf=…/examples/issue38.yaml
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import YAML from 'yaml';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node bench/xelatex-issue.mjs ISSUE.yaml OUT.tex');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const folderOf = (face) => dirname(require.resolve(face)) + '/';
const serif = folderOf('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const black = folderOf('@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf');
const sans = folderOf('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
const esc = (s) => String(s).replace(/[\\{}$&#%_^~]/g, (c) => `\\${c}`).trim();

const issue = YAML.parse(readFileSync(input, 'utf8'));
const m = issue.masthead;
const [y, mo, d] = String(m.date).split('-').map(Number);
const out = [
  String.raw`\documentclass[fontset=none,zihao=false]{ctexart}
\usepackage[a4paper,top=37mm,bottom=35mm,left=28mm,right=26mm]{geometry}
\setCJKmainfont{NotoSerifSC_400Regular.ttf}[Path=${serif}]
\setmainfont{NotoSerifSC_400Regular.ttf}[Path=${serif}]
\newCJKfontfamily\black{NotoSerifSC_900Black.ttf}[Path=${black}]
\newCJKfontfamily\hei{NotoSansSC_700Bold.ttf}[Path=${sans}]
\newfontfamily\heilatin{NotoSansSC_700Bold.ttf}[Path=${sans}]
\setlength{\parindent}{2\ccwd}
\setlength{\parskip}{0pt}
\begin{document}
\fontsize{16pt}{28.9pt}\selectfont{}
\begin{center}{\black\fontsize{42pt}{50pt}\selectfont{}${esc(m.title)}}\par
第${m.issue}期\par
${esc(m.publisher)}\hfill ${y}年${mo}月${d}日\par\end{center}`,
];
for (const s of issue.sections) {
  out.push(String.raw`\noindent{\hei\heilatin 【${esc(s.heading)}】}\par`);
  for (const it of s.items) {
    const paras = it.body.split(/\n\s*\n/).map((p) => esc(p.replace(/\s*\n\s*/g, '')));
    if (it.title) paras[0] = String.raw`{\hei\heilatin ${esc(it.title)}}\quad ${paras[0]}`;
    if (it.source) paras[paras.length - 1] += `（${esc(it.source)}）`;
    for (const p of paras) out.push(p + '\\par');
  }
}
if (issue.distribution) out.push(String.raw`\vfill\noindent ${esc(issue.distribution.label ?? '本期发')}：${issue.distribution.to.map(esc).join('，')}。\par`);
if (issue.staff) out.push(String.raw`\noindent ${issue.staff.map((s) => `${esc(s.role)}：${esc(s.name)}`).join('\\hfill ')}\par`);
out.push('\\end{document}\n');
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, out.join('\n'));
