#!/usr/bin/env node
// Typographic quality report for rendered bulletins, read back from the PDF itself.
//
//   node scripts/quality-report.mjs file.pdf[=typed.yaml|json] [...]
//   npm run quality -- examples/issue38.pdf
//
// Nothing of our own layout data is used: every figure comes from the PDF's content
// streams as pdf.js decodes them (page.getOperatorList()), replaying the text state
// (CTM via cm/q/Q, Tm/Td/T*, Tf, Tc, Tw, Tz, TJ adjustments) and the font's glyph
// widths (the /W array pdf.js hands back per glyph). So the same script can measure
// any typesetter's output (Typst, XeLaTeX) of the same text.
//
// Method:
// - Glyphs are grouped into lines by baseline (within 0.5 pt); page-number lines
//   (— 1 —) are dropped. A line is a "full line" when it is followed by a line of the
//   same size that starts at the type area's left edge and is not a heading (【…】):
//   that is, it is a line inside a paragraph, not a paragraph's last line. (Lines in
//   a narrower measure, such as the distribution line's hanging lines, are therefore
//   not counted as full lines.)
// - Flush: a line's left edge is its first glyph's em-box left edge; its right edge is
//   the last glyph's em-box right edge, with three exceptions from clreq:
//   * a full-width closing mark at a line end (，。）” …; Simplified Chinese fonts draw
//     their ink in the left half of the box) occupies only the left half of its cell,
//     so the line's right edge is origin + advance / 2, where the next cell would start;
//   * an opening mark at a line start whose blank left half was dropped is flush when
//     its right half starts at the edge;
//   * a dash (—) may be drawn scaled so that —— joins into one stroke, so at a line
//     end its ink's right edge (the glyph's bounding box in the embedded font program,
//     read with fontkit) also counts as the edge.
//   A paragraph's first line counts as flush at its indent (two grid cells, or 2 em).
//   Tolerance 0.25 pt: our grid sets 16 pt boxes on a 15.79 pt pitch, so a box may
//   cross an edge by the 0.21 pt difference. Type area: left 28 mm, right edge 26 mm
//   from the page's right.
// - Narrow marks: a full-width ，。、；：！？ whose neighbours on the line are both Han
//   characters; its width is the distance from its origin to the next glyph's origin,
//   in em of its own size. Counted when < 0.75 em.
// - Extra gap: for each pair of adjacent Han characters of one font and size on a line,
//   the distance between their origins; the extra gap is that distance minus the most
//   common such distance for that font and size in the file (the grid pitch, or the
//   natural advance for a typesetter without a grid). Lines with a gap wider than 2 em
//   (the masthead's publisher/date line, the staff line), or of 0.9 em between glyphs of
//   one face (a spaced mark), are left out.
// - Copy: `pdftotext` (poppler, an independent reader) and pdf.js's text content are
//   compared with the typed text, all whitespace removed. The typed text comes from a
//   YAML/JSON issue file beside the PDF (same name) or named after '='. Each headline,
//   lead title + paragraph + source and distribution entry must appear, in order.
//
// - Adjacent marks: two full-width marks side by side mid-line (a glyph that is no mark on
//   each side): the space from the end of the glyph before them to the origin of the glyph
//   after, in em. FORMAT gives such a pair 1.5 em; counted when < 1.2 em.
// - Number split from its measure word: a line ending in a digit whose next line starts
//   with 年, 月, 个, 亩, 元 … (MEASURE below).
// - Torn line starts: a line that does not open a paragraph and starts with one Han
//   character followed by a mark that may not start a line (式，为… ): the word's tail torn off.
// - Spread of stop widths: the standard deviation of the mid-line stop widths above.
//   Each split number and torn start says which bound kept it, judged on its line alone
//   (whichBound): the squeeze pulling the next glyphs up would take, or the gaps pushing
//   the last glyph down would open.
// - Outside the type area: glyphs whose em box (0.88 em above the baseline, 0.12 below)
//   crosses the type area's edges by more than 0.5 pt; page numbers are left out.
//
// - Least possible widest gap: for each paragraph whose widest gap is over 0.05 em, a
//   lower bound on what any setting of its glyphs under FORMAT's breaking and compression
//   rules could reach (scripts/gap-bound.mjs says how), printed after the figures.
//
// `measure()` is exported for tests (tests/compose/quality.test.ts); QR_DEBUG=1 also
// prints the line after each line that is not flush, and the settings that reach the bounds.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as fontkitNs from 'fontkit';
import { parse as parseYaml } from 'yaml';
import { CLOSE, isHan, leastWidestGap, NO_END, NO_START, OPEN, STOPS } from './gap-bound.mjs';

const fontkit = fontkitNs.default ?? fontkitNs;

const MM = 72 / 25.4;
const DASH = new Set([...'—―']);
const squash = (s) => s.replace(/[\s\u3000]+/g, '');
const TOL = 0.25;
/** Measure words and units that stay with the number before them (2023 年, 32000 亩). */
const MEASURE = new Set([...'年月日时号个家人项条台亩元万亿千百次户名所座辆吨斤米天岁期份批件处种篇本张位套间头只场届轮倍度']);
const DIGIT = /^[0-9０-９]$/;
const isMark = (ch) => OPEN.has(ch) || CLOSE.has(ch);

const mul = (m, n) => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Every glyph on a page: char, origin x, baseline y (from the top), advance, size, font. */
async function pageGlyphs(page) {
  const ol = await page.getOperatorList();
  const vp = page.getViewport({ scale: 1 });
  const glyphs = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack = [];
  let tm = [1, 0, 0, 1, 0, 0];
  let tlm = [1, 0, 0, 1, 0, 0];
  let font = null;
  let fontName = '';
  let size = 0;
  let tc = 0;
  let tw = 0;
  let th = 1;
  let lead = 0;
  let rise = 0;
  const fonts = new Map();
  const getFont = (id) => {
    if (!fonts.has(id)) {
      const f = page.commonObjs.has(id) ? page.commonObjs.get(id) : page.objs.get(id);
      let program = null; // the embedded font program, for glyph ink bounds
      try {
        if (f?.data) program = fontkit.create(Buffer.from(f.data));
      } catch {
        program = null;
      }
      fonts.set(id, { f, program });
    }
    return fonts.get(id);
  };
  const moveLine = (tx, ty) => {
    tlm = mul([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm.slice();
  };
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const a = ol.argsArray[i];
    switch (fn) {
      case OPS.save: stack.push(ctm.slice()); break;
      case OPS.restore: ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]; break;
      case OPS.transform: ctm = mul(Array.from(a.length === 6 ? a : a[0]), ctm); break;
      case OPS.paintFormXObjectBegin: stack.push(ctm.slice()); if (a[0]) ctm = mul(Array.from(a[0]), ctm); break;
      case OPS.paintFormXObjectEnd: ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]; break;
      case OPS.beginText: tm = [1, 0, 0, 1, 0, 0]; tlm = tm.slice(); break;
      case OPS.setFont: font = getFont(a[0]); fontName = (font.f?.name ?? a[0]).replace(/^[A-Z]{6}\+/, ''); size = a[1]; break;
      case OPS.setCharSpacing: tc = a[0]; break;
      case OPS.setWordSpacing: tw = a[0]; break;
      case OPS.setHScale: th = a[0] / 100; break;
      case OPS.setLeading: lead = a[0]; break;
      case OPS.setTextRise: rise = a[0]; break;
      case OPS.setTextMatrix: { const m = a.length === 6 ? a : a[0]; tm = Array.from(m); tlm = tm.slice(); break; }
      case OPS.moveText: moveLine(a[0], a[1]); break;
      case OPS.setLeadingMoveText: lead = -a[1]; moveLine(a[0], a[1]); break;
      case OPS.nextLine: moveLine(0, -lead); break;
      case OPS.nextLineShowText: case OPS.nextLineSetSpacingShowText: case OPS.showText: case OPS.showSpacedText: {
        if (fn === OPS.nextLineSetSpacingShowText) { tw = a[0]; tc = a[1]; }
        if (fn !== OPS.showText && fn !== OPS.showSpacedText) moveLine(0, -lead);
        const items = fn === OPS.nextLineSetSpacingShowText ? a[2] : a[0];
        const fm = font?.f?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
        for (const it of items) {
          if (typeof it === 'number') {
            tm = mul([1, 0, 0, 1, (-it / 1000) * size * th, 0], tm);
            continue;
          }
          if (!it) continue;
          const trm = mul(mul([size * th, 0, 0, size, 0, rise], tm), ctm);
          const adv0 = it.width * fm[0] * size; // unscaled text-space advance
          const advDev = adv0 * th * Math.hypot(tm[0], tm[1]) * Math.hypot(ctm[0], ctm[1]);
          const ch = it.unicode ?? '';
          const vsize = Math.hypot(trm[2], trm[3]);
          let ink = null;
          const gl = font?.program && it.fontChar ? font.program.glyphForCodePoint(it.fontChar.codePointAt(0)) : null;
          if (gl && gl.bbox && Number.isFinite(gl.bbox.minX)) {
            const k = (advDev / (it.width || 1)) * (1000 / font.program.unitsPerEm); // font units to device
            ink = [trm[4] + gl.bbox.minX * k, trm[4] + gl.bbox.maxX * k];
          }
          if (ch) glyphs.push({ ch, x: trm[4], y: vp.height - trm[5], adv: advDev, ink, size: vsize, font: fontName, space: /^[\s\u3000]+$/.test(ch) });
          const tx = (adv0 + tc + (it.isSpace || ch === ' ' ? tw : 0)) * th;
          tm = mul([1, 0, 0, 1, tx, 0], tm);
        }
        break;
      }
      default: break;
    }
  }
  return { glyphs, width: vp.width, height: vp.height };
}

function toLines(glyphs) {
  const lines = [];
  for (const g of [...glyphs].sort((p, q) => p.y - q.y || p.x - q.x)) {
    const l = lines.find((l) => Math.abs(l.y - g.y) < 0.5);
    if (l) l.g.push(g);
    else lines.push({ y: g.y, g: [g] });
  }
  for (const l of lines) {
    l.g.sort((p, q) => p.x - q.x);
    // Typed spaces stay as breaks in adjacency, but never count as a line's edge.
    l.all = l.g;
    l.g = l.g.filter((g) => !g.space);
    l.text = l.g.map((g) => g.ch).join('');
    l.size = mode(l.g.map((g) => Math.round(g.size * 10) / 10));
  }
  return lines.filter((l) => l.g.length > 0).filter((l) => !/^—\s*\d+\s*—$/.test(l.text.replace(/\s/g, '')) && !/^-\s*\d+\s*-$/.test(l.text));
}

function mode(xs) {
  const c = new Map();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c].sort((p, q) => q[1] - p[1])[0]?.[0];
}

function typedParts(file) {
  const raw = readFileSync(file, 'utf8');
  const doc = file.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw);
  const parts = [];
  for (const s of doc.sections ?? []) {
    parts.push(s.heading);
    for (const it of s.items ?? []) {
      parts.push(`${it.title ?? ''}${it.body ?? ''}${it.source ? `（${it.source}）` : ''}`);
    }
  }
  const d = doc.distribution;
  if (d?.to) parts.push(...(Array.isArray(d.to) ? d.to : [String(d.to)])); // the program adds the commas
  return parts.map(squash).filter(Boolean);
}

function inOrder(hay, parts) {
  let at = 0;
  for (const p of parts) {
    const k = hay.indexOf(p, at);
    if (k < 0) return { ok: false, missing: p };
    at = k + p.length;
  }
  return { ok: true };
}

/** Every figure of the report for one PDF (and the typed text, when given). */
export async function measure(pdfPath, typedPath) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0, isEvalSupported: false, useSystemFonts: false, fontExtraProperties: true }).promise;
  const all = [];
  let jsText = '';
  let pageW = 595.28;
  let pageH = 841.89;
  const outside = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const { glyphs, width, height } = await pageGlyphs(page);
    pageW = width;
    pageH = height;
    outside.push(...outsideTypeArea(glyphs, p, width, height));
    for (const l of toLines(glyphs)) all.push({ ...l, page: p });
    const tc = await page.getTextContent({ disableNormalization: true });
    jsText += tc.items.map((it) => it.str ?? '').join('');
  }
  await doc.destroy();
  const left = 28 * MM;
  const right = pageW - 26 * MM;

  // 1. Forbidden marks at line edges.
  const forbidden = [];
  for (const l of all) {
    const first = l.g[0].ch;
    const last = l.g[l.g.length - 1].ch;
    if (NO_START.has(first)) forbidden.push(`p${l.page} starts with ${first}: ${l.text.slice(0, 12)}…`);
    if (NO_END.has(last)) forbidden.push(`p${l.page} ends with ${last}: …${l.text.slice(-12)}`);
  }

  // 2. Flush full lines.
  const leftEdges = (l) => {
    const g = l.g[0];
    // A dash drawn to join its pair starts left of its origin's box: its ink is the edge.
    return OPEN.has(g.ch) ? [g.x, g.x + g.adv / 2] : DASH.has(g.ch) && g.ink ? [g.x, g.ink[0]] : [g.x];
  };
  const rightEdges = (l) => {
    const g = l.g[l.g.length - 1];
    if (CLOSE.has(g.ch) && g.adv >= g.size * 0.9) return [g.x + g.adv / 2];
    // A dash drawn to join its pair may be stretched past its box: its ink is the edge.
    return DASH.has(g.ch) && g.ink ? [g.x + g.adv, g.ink[1]] : [g.x + g.adv];
  };
  const full = [];
  for (let i = 0; i + 1 < all.length; i++) {
    const l = all[i];
    const n = all[i + 1];
    if (n.size !== l.size || n.text.startsWith('【')) continue;
    if (!leftEdges(n).some((x) => Math.abs(x - left) <= TOL)) continue;
    if (l.g.some((g, k) => k > 0 && g.x - (l.g[k - 1].x + l.g[k - 1].adv) > 2 * g.size)) continue;
    full.push(Object.assign(l, { next: n }));
  }
  const notFlush = [];
  for (const l of full) {
    // A paragraph's first line starts two characters in: two grid cells, or 2 em for a
    // typesetter without a grid.
    const indents = [left, left + (2 * (right - left)) / 28, left + 2 * l.size];
    // Under a lead title that fills its line, the body keeps the title's one-character gap.
    const prev = all[all.indexOf(l) - 1];
    if (prev && prev.g[prev.g.length - 1].font !== l.g[0].font) indents.push(left + (right - left) / 28, left + l.size);
    const okL = leftEdges(l).some((x) => indents.some((i) => Math.abs(x - i) <= TOL));
    const okR = rightEdges(l).some((x) => Math.abs(x - right) <= TOL);
    if (!okL || !okR) notFlush.push(`p${l.page} ${okL ? '' : `left ${(leftEdges(l)[0] - left).toFixed(2)}pt `}${okR ? '' : `right ${(rightEdges(l)[0] - right).toFixed(2)}pt `}${l.text.slice(0, 14)}…${process.env.QR_DEBUG ? ` → ${l.next.text.slice(0, 10)} x0=${(l.next.g[0].x - left).toFixed(2)}` : ''}`);
  }

  // 3. Narrow mid-line stops between Han characters; 4. extra gaps between Han.
  let stops = 0;
  const narrow = [];
  const pairs = new Map();
  for (const l of all) {
    // A typed space of a character or more between glyphs of one face (a mark spaced as
    // 内部资料　注意保存, the staff line) is no justified text either.
    const wide = l.g.some((g, k) => k > 0 && (g.x - (l.g[k - 1].x + l.g[k - 1].adv) > 2 * g.size || (g.font === l.g[k - 1].font && g.x - (l.g[k - 1].x + l.g[k - 1].adv) > 0.9 * g.size)));
    for (let k = 1; k + 1 < l.g.length; k++) {
      const g = l.g[k];
      if (!STOPS.has(g.ch) || !isHan(l.g[k - 1].ch) || !isHan(l.g[k + 1].ch)) continue;
      stops++;
      const w = (l.g[k + 1].x - g.x) / g.size;
      if (w < 0.75) narrow.push(`p${l.page} ${l.g[k - 1].ch}${g.ch}${l.g[k + 1].ch} ${w.toFixed(3)} em`);
    }
    if (wide) continue;
    for (let k = 1; k < l.all.length; k++) {
      const p = l.all[k - 1];
      const g = l.all[k];
      if (!isHan(p.ch) || !isHan(g.ch) || p.font !== g.font || Math.abs(p.size - g.size) > 0.01) continue;
      const key = `${g.font}@${g.size.toFixed(2)}`;
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push({ d: g.x - p.x, size: g.size, where: `p${l.page} ${p.ch}${g.ch} in ${l.text.slice(0, 12)}…` });
    }
  }
  const gaps = [];
  const bases = new Map();
  for (const [key, list] of pairs) {
    const base = mode(list.map((q) => Math.round(q.d * 100) / 100));
    bases.set(key, base);
    for (const q of list) gaps.push({ extra: (q.d - base) / q.size, where: q.where });
  }
  gaps.sort((p, q) => q.extra - p.extra);
  const widest = gaps[0] ?? { extra: 0, where: '' };
  const wideGaps = gaps.filter((q) => q.extra > 0.05);
  const gapBounds = paragraphBounds(all, new Set(full), bases, left, right);

  // 5. Adjacent marks, numbers split from measure words, torn line starts, stop spread.
  const knots = [];
  for (const l of all) {
    for (let k = 1; k + 2 < l.g.length; k++) {
      const [p, a, b, c] = l.g.slice(k - 1, k + 3);
      if (isMark(p.ch) || !isMark(a.ch) || !isMark(b.ch) || isMark(c.ch)) continue;
      const w = (c.x - (p.x + p.adv)) / a.size;
      if (w < 1.2) knots.push(`p${l.page} ${p.ch}${a.ch}${b.ch}${c.ch} ${w.toFixed(3)} em`);
    }
  }
  const splitNumbers = [];
  for (let i = 0; i + 1 < all.length; i++) {
    const l = all[i];
    const n = all[i + 1];
    if (DIGIT.test(l.g[l.g.length - 1].ch) && MEASURE.has(n.g[0].ch)) splitNumbers.push(`p${l.page} …${l.text.slice(-8)}|${n.text.slice(0, 4)}…${full.includes(l) ? `  ${whichBound(l, n, 1, bases)}` : ''}`);
  }
  const torn = [];
  for (const l of full) {
    const n = l.next;
    if (n.g.length > 1 && isHan(n.g[0].ch) && NO_START.has(n.g[1].ch)) torn.push(`p${n.page} ${n.text.slice(0, 8)}…  ${whichBound(l, n, 2, bases)}`);
  }
  const stopWidths = [];
  for (const l of all) {
    // Lines with a wide gap (publisher and date, a print run set flush right) hold no
    // justified stops.
    if (l.g.some((g, k) => k > 0 && g.x - (l.g[k - 1].x + l.g[k - 1].adv) > 2 * g.size)) continue;
    for (let k = 1; k + 1 < l.g.length; k++) {
      if (STOPS.has(l.g[k].ch) && isHan(l.g[k - 1].ch) && isHan(l.g[k + 1].ch)) stopWidths.push((l.g[k + 1].x - l.g[k].x) / l.g[k].size);
    }
  }
  const meanStop = stopWidths.reduce((s, w) => s + w, 0) / (stopWidths.length || 1);
  const stopSD = Math.sqrt(stopWidths.reduce((s, w) => s + (w - meanStop) ** 2, 0) / (stopWidths.length || 1));

  // 6. Copy and paste.
  let copy = null;
  const typed = typedPath && existsSync(typedPath) ? typedParts(typedPath) : null;
  if (typed) {
    let pt = '';
    try {
      pt = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    } catch {
      pt = '';
    }
    const strip = (s) => squash(s.split('\n').filter((x) => !/^\s*[—-]\s*\d+\s*[—-]\s*$/.test(x)).join('\n'));
    copy = { pdftotext: inOrder(strip(pt), typed), pdfjs: inOrder(squash(jsText.replace(/[—-]\s*\d+\s*[—-]/g, '')), typed) };
  }
  return {
    lines: all.length,
    forbidden,
    full: full.length,
    notFlush,
    flushPct: full.length ? (100 * (full.length - notFlush.length)) / full.length : 100,
    stops,
    narrow,
    narrowPct: stops ? (100 * narrow.length) / stops : 0,
    widest,
    wideGaps,
    gapBounds,
    knots,
    splitNumbers,
    torn,
    stopSD,
    outside,
    copy,
  };
}

/**
 * Why a break stayed where it is, judged on the line above alone: pulling the first
 * `take` glyphs of the next line up needs their width (a closing mark half of it), which
 * the line can give only by squeezing stops below 0.75 em (or brackets below half); pushing
 * its last glyph down spreads that glyph's width over the line's gaps.
 */
function whichBound(l, n, take, bases) {
  const up = n.g.slice(0, take).reduce((w, g) => w + (CLOSE.has(g.ch) ? g.adv / 2 : g.adv), 0);
  let give = 0;
  let gaps = 0;
  for (let k = 0; k + 1 < l.g.length; k++) {
    const g = l.g[k];
    const d = l.g[k + 1].x - g.x;
    const base = bases.get(`${g.font}@${g.size.toFixed(2)}`) ?? g.adv;
    const least = STOPS.has(g.ch) ? 0.75 * g.size : OPEN.has(g.ch) || CLOSE.has(g.ch) ? 0.5 * g.size : isHan(g.ch) ? base : g.adv;
    give += Math.max(0, d - least);
    if (isHan(g.ch) || isHan(l.g[k + 1].ch)) gaps++;
  }
  const last = l.g[l.g.length - 1];
  const down = gaps ? (give + last.adv) / gaps / last.size : Infinity;
  const em = last.size;
  const pulled = n.g.slice(0, take).map((g) => g.ch).join('');
  return `(this line alone: pulling ${pulled} up needs ${(up / em).toFixed(2)} em, it has ${(give / em).toFixed(2)} em to give with stops ≥ 0.75 em; pushing ${last.ch} down opens its gaps to ${down.toFixed(3)} em)`;
}

/** Glyphs whose em box crosses the type area (A4, GB/T 9704 margins), page numbers left out. */
function outsideTypeArea(glyphs, page, width, height) {
  const left = 28 * MM;
  const right = width - 26 * MM;
  const top = 37 * MM;
  const bottom = height - 35 * MM;
  const slack = 0.5;
  const folio = new Set(toLines(glyphs).flatMap((l) => l.all));
  const out = [];
  for (const g of glyphs) {
    if (g.space || !folio.has(g)) continue;
    // A full-width mark's blank half may be squeezed away or sit past a line end (clreq);
    // its ink half is what counts.
    const half = g.adv >= 0.9 * g.size ? g.adv / 2 : 0;
    const x0 = OPEN.has(g.ch) ? g.x + half : DASH.has(g.ch) && g.ink ? Math.min(g.ink[0], g.x + g.adv) : g.x;
    const x1 = CLOSE.has(g.ch) ? g.x + g.adv - half : DASH.has(g.ch) && g.ink ? Math.max(g.ink[1], g.x) : g.x + g.adv;
    const y0 = g.y - 0.88 * g.size;
    const y1 = g.y + 0.12 * g.size;
    if (x0 < left - slack || x1 > right + slack || y0 < top - slack || y1 > bottom + slack) out.push(`p${page} ${g.ch} at ${(x0 / MM).toFixed(1)}, ${(y0 / MM).toFixed(1)} mm`);
  }
  return out;
}

/**
 * For each paragraph whose widest extra Han gap misses 0.05 em: that gap, and the least
 * widest gap any setting of its glyphs under FORMAT's rules could have (scripts/gap-bound.mjs).
 * A paragraph is a line starting at the two-character indent and the full lines after it.
 */
function paragraphBounds(all, fullSet, bases, left, right) {
  const base = (font, size) => bases.get(`${font}@${size.toFixed(2)}`) ?? [...bases].find(([k]) => k.endsWith(`@${size.toFixed(2)}`))?.[1];
  const out = [];
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    const indents = [left + (2 * (right - left)) / 28, left + 2 * l.size];
    const firstLeft = indents.find((x) => Math.abs(l.g[0].x - x) <= TOL || (OPEN.has(l.g[0].ch) && Math.abs(l.g[0].x + l.g[0].adv / 2 - x) <= TOL));
    if (firstLeft === undefined || !fullSet.has(l)) continue;
    const lines = [l];
    let k = i;
    while (fullSet.has(all[k]) && k + 1 < all.length) lines.push(all[++k]);
    let ours = 0;
    for (const m of lines.slice(0, -1)) {
      for (let q = 1; q < m.all.length; q++) {
        const p = m.all[q - 1];
        const g = m.all[q];
        const b = bases.get(`${g.font}@${g.size.toFixed(2)}`);
        if (b === undefined || !isHan(p.ch) || !isHan(g.ch) || p.font !== g.font || Math.abs(p.size - g.size) > 0.01) continue;
        ours = Math.max(ours, (g.x - p.x - b) / g.size);
      }
    }
    if (ours <= 0.05) continue;
    const bound = leastWidestGap(lines, base, firstLeft, left, right);
    out.push({ page: l.page, text: lines.map((m) => m.text).join('').slice(0, 14), ours, bound });
  }
  return out;
}

function print(pdfPath, typedPath, r) {
  const yesNo = (c) => (c.ok ? 'yes' : `NO (${c.missing.slice(0, 20)}…)`);
  const copy = r.copy ? `pdftotext ${yesNo(r.copy.pdftotext)}, pdf.js ${yesNo(r.copy.pdfjs)}` : 'no typed text found';
  console.log(`\n${pdfPath}${typedPath ? ` (typed text: ${typedPath})` : ''}`);
  console.log(`  lines read                                   ${r.lines}`);
  console.log(`  lines starting/ending with a forbidden mark  ${r.forbidden.length}   (target 0)`);
  for (const f of r.forbidden.slice(0, 10)) console.log(`      ${f}`);
  console.log(`  full lines flush with both edges             ${r.flushPct.toFixed(1)} % of ${r.full}   (target 100 %)`);
  for (const f of r.notFlush.slice(0, 10)) console.log(`      ${f}`);
  console.log(`  mid-line ，。、；：！？ between Han < 0.75 em   ${r.narrowPct.toFixed(1)} % (${r.narrow.length} of ${r.stops})   (target ≤ 2 %)`);
  for (const f of r.narrow.slice(0, 10)) console.log(`      ${f}`);
  console.log(`  widest extra gap between two Han, one face   ${r.widest.extra.toFixed(3)} em ${r.widest.where}   (target ≤ 0.05 em)`);
  for (const q of r.wideGaps.slice(0, 10)) console.log(`      ${q.where} ${q.extra.toFixed(3)} em`);
  console.log(`  adjacent marks below 1.2 em (mid-line)       ${r.knots.length}   (target 0)`);
  for (const f of r.knots.slice(0, 10)) console.log(`      ${f}`);
  console.log(`  number split from its measure word           ${r.splitNumbers.length}   (target 0)`);
  for (const f of r.splitNumbers.slice(0, 10)) console.log(`      ${f}`);
  console.log(`  lines opening with a torn word + mark        ${r.torn.length}   (target ≤ 5)`);
  for (const f of r.torn.slice(0, 12)) console.log(`      ${f}`);
  console.log(`  spread of mid-line stop widths (SD)          ${r.stopSD.toFixed(3)} em   (target ≤ 0.03 em)`);
  console.log(`  glyphs outside the type area                 ${r.outside.length}   (target 0)`);
  for (const f of r.outside.slice(0, 10)) console.log(`      ${f}`);
  console.log(`  copied text equals typed text                ${copy}   (target yes)`);
  if (r.gapBounds.length) console.log('  paragraphs over 0.05 em: our widest gap, and the least any setting under FORMAT\'s rules allows');
  for (const b of r.gapBounds) {
    const f = (x) => (x === Infinity ? 'none fits' : `${x.toFixed(3)} em`);
    const more = b.bound ? ` (${f(b.bound.std75)} keeping ，。、；：！？ ≥ 0.75 em; ${f(b.bound.loose)} if words may be letter-spaced)` : '';
    console.log(`      p${b.page} ${b.text}…  ours ${b.ours.toFixed(3)} em, least possible ${b.bound ? f(b.bound.std) : 'n/a'}${more}`);
  }
}

async function main(args) {
  if (args.length === 0) {
    console.error('usage: node scripts/quality-report.mjs file.pdf[=typed.yaml] [...]');
    process.exit(2);
  }
  for (const arg of args) {
    const [pdf, given] = arg.split('=');
    const base = pdf.replace(/\.pdf$/i, '');
    const typed = given ?? ['.yaml', '.yml', '.json'].map((e) => base + e).find((f) => existsSync(f));
    print(pdf, typed, await measure(pdf, typed));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
