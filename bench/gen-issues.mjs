// N distinct back issues made from the items of examples/issue38.yaml (as the Typst peer's
// gen_issues.py does): a seeded choice of sections and items, some bodies split in two
// paragraphs, each with its own number and date.   node bench/gen-issues.mjs N DIR [SEED]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(a, r) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function makeIssues(n, dir, seed = 11, json = false) {
  const base = parse(readFileSync(join(ROOT, 'examples', 'issue38.yaml'), 'utf8'));
  const r = rng(seed);
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 1; i <= n; i++) {
    const pool = shuffle(base.sections.map((s) => ({ ...s, items: [...s.items] })), r);
    const sections = pool.slice(0, 3 + Math.floor(r() * (pool.length - 2))).map((s) => ({
      heading: s.heading,
      items: shuffle([...s.items], r).map((it) => {
        let body = it.body;
        const cut = body.indexOf('。', Math.floor(body.length / 3));
        if (r() < 0.4 && cut > 0 && cut < body.length - 2) body = body.slice(0, cut + 1) + '\n\n' + body.slice(cut + 1);
        return { ...it, body };
      }),
    }));
    const date = new Date(Date.UTC(2019, 0, 4) + 7 * i * 86400000).toISOString().slice(0, 10);
    const issue = { masthead: { ...base.masthead, issue: (i % 52) + 1, date }, sections, distribution: base.distribution, staff: base.staff };
    const name = `issue${String(i).padStart(4, '0')}`;
    writeFileSync(join(dir, `${name}.yaml`), stringify(issue, { lineWidth: 0 }));
    if (json) writeFileSync(join(dir, `${name}.json`), JSON.stringify(issue));
    files.push(join(dir, `${name}.yaml`));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, dir, seed] = process.argv.slice(2);
  if (!n || !dir) {
    console.error('usage: node bench/gen-issues.mjs N DIR [SEED]');
    process.exit(2);
  }
  console.log(`${makeIssues(Number(n), dir, Number(seed ?? 11)).length} issues in ${dir}`);
}
