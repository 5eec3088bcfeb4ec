// Tagged PDF: a structure tree a screen reader can follow — Document → H1 title, H2
// headings, one P per composed paragraph (across pages), the end block in a Div — with
// page numbers and rules as artifacts, language zh-CN and MarkInfo Marked true.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { EXAMPLE } from '../helpers/paths.js';
import { squash } from '../helpers/read-pdf.js';
import { build, tmp, variant } from './build.js';
import { readRaw, type RawObject, type RawPdf } from './raw-pdf.js';
import { withoutWarnings } from '../helpers/warnings.js';

interface Ex {
  masthead: { title: string };
  sections: { heading: string; items: { title?: string; body: string }[] }[];
}
const ex = parse(readFileSync(EXAMPLE, 'utf8')) as Ex;
const paragraphs = ex.sections.flatMap((s) => s.items.flatMap((it) => it.body.split(/\n\s*\n/).filter((p) => p.trim())));

let pdf: Buffer;
let raw: RawPdf;
let elements: RawObject[];
const role = (o: RawObject) => /\/S \/(\w+)/.exec(o.dict)![1];
/** The element's own page (its /Pg), not that of a marked-content reference inside it. */
const ownPage = (o: RawObject) => /\/Pg (\d+) 0 R/.exec(o.dict.replace(/<<\s*\/Type \/MCR[^<>]*>>/g, ''))?.[1];
const kids = (o: RawObject) => [...(/\/K \[([^\]]*)\]/.exec(o.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => raw.objects.get(Number(m[1]))!);

beforeAll(async () => {
  pdf = (await build([])).pdf;
  raw = readRaw(pdf);
  elements = [...raw.objects.values()].filter((o) => /\/S \/\w+/.test(o.dict) && /\/P \d+ 0 R/.test(o.dict));
});

describe('tagged PDF', () => {
  it('declares itself tagged, in zh-CN', () => {
    const cat = raw.ofType('Catalog')[0].dict;
    expect(cat).toContain('/Lang (zh-CN)');
    expect(raw.deref(cat, 'MarkInfo')!.dict).toMatch(/\/Marked true/);
    expect(raw.deref(cat, 'StructTreeRoot')!.dict).toMatch(/\/Type \/StructTreeRoot/);
  });

  it('has Document → H1, P…, H2 per section, P per paragraph, and a Div for the end block', () => {
    const root = raw.ofType('StructTreeRoot')[0];
    const [doc] = kids(root);
    expect(role(doc)).toBe('Document');
    const top = kids(doc).map(role);
    // Title, issue line, publisher and date line; then the body; then the end block.
    expect(top.slice(0, 3)).toEqual(['H1', 'P', 'P']);
    expect(top.filter((r) => r === 'H1').length).toBe(1);
    expect(top.filter((r) => r === 'H2').length).toBe(ex.sections.length);
    expect(top.filter((r) => r === 'P').length).toBe(2 + paragraphs.length);
    expect(top[top.length - 1]).toBe('Div');
    expect(kids(kids(doc).at(-1)!).map(role)).toEqual(['P', 'P']);
  });

  it('tags the mark above the title as a paragraph before the H1', async () => {
    const dir = tmp();
    const input = variant(dir, (y) => y.replace('  date: 2023-08-25', '  date: 2023-08-25\n  mark: 内部资料 注意保存'));
    const r = readRaw((await build([], { dir, input })).pdf);
    const root = r.ofType('StructTreeRoot')[0];
    const docEl = r.objects.get(Number(/\/K \[(\d+) 0 R/.exec(root.dict)![1]))!;
    const top = [...(/\/K \[([^\]]*)\]/.exec(docEl.dict)![1]).matchAll(/(\d+) 0 R/g)].map((m) => /\/S \/(\w+)/.exec(r.objects.get(Number(m[1]))!.dict)![1]);
    expect(top.slice(0, 4)).toEqual(['P', 'H1', 'P', 'P']);
  });

  it('keeps the lines of a paragraph that runs onto the next page in one P', () => {
    const pages = raw.ofType('Page').map((p) => p.num);
    const split = elements.filter((e) => role(e) === 'P' && /\/Type \/MCR \/Pg (\d+) 0 R/.test(e.dict.replace(/\s+/g, ' ')));
    expect(split.length).toBeGreaterThanOrEqual(1);
    for (const e of split) {
      const own = Number(ownPage(e));
      const other = Number(/\/Type \/MCR\s+\/Pg (\d+) 0 R/.exec(e.dict)![1]);
      expect(pages.indexOf(other)).toBe(pages.indexOf(own) + 1);
    }
  });

  it('marks every line of text with an MCID owned by exactly one element, and the rest as artifacts', () => {
    const owned = new Map<string, number>();
    for (const e of elements) {
      const d = e.dict.replace(/\s+/g, ' ');
      const pg = ownPage(e);
      const k = (/\/K \[(.*)\]/.exec(d)?.[1] ?? '').replace(/<<[^<>]*>>/g, '');
      if (/ R\b/.test(k)) continue; // an element of elements (Document, Div)
      for (const id of k.trim().split(/\s+/).filter(Boolean)) owned.set(`${pg}:${id}`, (owned.get(`${pg}:${id}`) ?? 0) + 1);
      for (const m of d.matchAll(/\/Type \/MCR \/Pg (\d+) 0 R \/MCID (\d+)/g)) owned.set(`${m[1]}:${m[2]}`, (owned.get(`${m[1]}:${m[2]}`) ?? 0) + 1);
    }
    let mcids = 0;
    let rules = 0;
    let folios = 0;
    for (const page of raw.ofType('Page')) {
      const c = raw.deref(page.dict, 'Contents')!.stream!.toString('latin1');
      // Every text object and every stroke sits inside exactly one marked-content sequence.
      const seqs = c.split(/\nEMC\n/).slice(0, -1);
      expect(c.split('\nBT\n').length - 1).toBe(seqs.filter((s) => s.includes('\nBT\n')).length);
      for (const s of seqs) {
        const open = /\/(\w+) <<\n([^>]*)>> BDC\n(?![\s\S]*BDC)/.exec(s)!;
        expect(open, s.slice(-200)).toBeTruthy();
        if (open[1] === 'Artifact') {
          if (/\/Type \/Layout/.test(open[2])) {
            rules++;
            expect(s).toMatch(/\nS\nQ$/);
          } else {
            expect(open[2]).toMatch(/\/Type \/Pagination/);
            folios++;
          }
          continue;
        }
        const id = /\/MCID (\d+)/.exec(open[2])![1];
        expect(owned.get(`${page.num}:${id}`), `page ${page.num} MCID ${id}`).toBe(1);
        mcids++;
      }
      expect(c.match(/BDC/g)!.length).toBe(c.match(/EMC/g)!.length);
    }
    expect(mcids).toBe([...owned.values()].length);
    expect(rules).toBe(4); // the masthead rule and the end block's three
    expect(folios).toBe(raw.ofType('Page').length);
  });

  it('reads back through the structure: the title in H1, the headings in H2, body text in P', async () => {
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
    const byRole = new Map<string, string[]>();
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const text = new Map<string, string>();
      let cur: string | null = null;
      const tc = await page.getTextContent({ includeMarkedContent: true });
      for (const it of tc.items as Array<{ type?: string; id?: string; str?: string }>) {
        if (it.type === 'beginMarkedContentProps') cur = it.id ?? null;
        else if (it.type === 'endMarkedContent') cur = null;
        else if (cur && it.str) text.set(cur, (text.get(cur) ?? '') + it.str);
      }
      const walk = (n: { role?: string; children?: unknown[]; type?: string; id?: string }) => {
        for (const c of (n.children ?? []) as (typeof n)[]) {
          if (c.type === 'content' && n.role) byRole.set(n.role, [...(byRole.get(n.role) ?? []), squash(text.get(c.id!) ?? '')]);
          else walk(c);
        }
      };
      walk((await page.getStructTree()) as never);
    }
    await doc.destroy();
    expect(byRole.get('H1')).toEqual([ex.masthead.title]);
    expect(byRole.get('H2')).toEqual(ex.sections.map((s) => `【${s.heading}】`));
    const body = byRole.get('P')!.join('');
    expect(body).toContain(squash(ex.sections[0].items[0].title!) + squash(paragraphs[0]).slice(0, 20));
    expect(body).not.toMatch(/—\d+—/); // page numbers are artifacts, not text
  });
});
