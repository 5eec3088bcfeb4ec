// The least widest gap any typesetter could reach for a paragraph read back from a PDF,
// under FORMAT's rules: a true lower bound, to tell a forced loose line from a bad choice.
//
// The paragraph's glyphs are laid out again from scratch. Each glyph gets its natural
// width (a full-width glyph one grid cell: the most common Han-to-Han distance of its
// face; any other glyph its advance), and every line the typesetter could form is tried:
// - breaks only where FORMAT allows one (never before ，。）… — ·％ and the like, never
//   after （“《 or a currency sign, never inside a Latin word, number or URL, i.e. between
//   two half-width glyphs with no space between them; every break the PDF has counts as
//   legal too);
// - compression as far as FORMAT allows: a closing mark before another mark and an opening
//   mark after one take half a cell; a closing mark at a line end half a cell; every other
//   full-width mark mid-line, and an opening mark at a line start, may lose its blank half;
// - the last line holds two characters at least and is not justified.
// A full line's slack (width less natural width, when positive) is spread evenly over its
// gaps (never inside —— or ……, nor, in the usual reading, between the letters of a word):
// slack / gaps is the least extra gap that line can have. A DP over the break positions
// gives the least, over all legal break sequences, of the widest such line.
//
// Why it is a lower bound: where a width is not known exactly (the quarter em between Han
// and Latin is 0.25 of the cell or of the size; a word space anything from 0 to what the
// PDF shows; a space across a line break 0 to half an em), a line is taken as fitting if
// it fits with the smallest widths and all compression, and its slack is taken with the
// largest widths. So every line a real setting could use is allowed, and no line's gap
// is overstated. The bound is on the even spread of a line, which is the extra gap between
// its Han characters (FORMAT spreads slack evenly), and the paragraph's last line may end
// before its source unit (a line standing alone): that only loosens the bound.
// FORMAT's marks, shared with quality-report.mjs.
export const OPEN = new Set([...'（【「『“‘《〈〔［｛〖']);
export const CLOSE = new Set([...'，。、；：？！）】」』”’》〉〕］｝〗']);
export const NO_START = new Set([...'，。、；：？！）】」』”’》〉〕…—·％‰℃', ...',.;:?!)]%']);
export const NO_END = new Set([...'（【「『“‘《〈〔', ...'([']);
const CURRENCY = new Set([...'¥￥$€£＄']);
export const STOPS = new Set([...'，。、；：！？']);
export const isHan = (ch) => /^\p{Script=Han}$/u.test(ch);
const isAlnum = (ch) => /^[\p{L}\p{N}]$/u.test(ch) && ch.codePointAt(0) < 0x2e80;

/**
 * lines: the paragraph's lines (objects with g = glyphs without spaces, all = with spaces),
 * every one but the last a full line. base(font, size): the grid cell of that face.
 * Returns { std, std75, loose }: the bound with words never letter-spaced; the same with
 * no ，。、；：！？ squeezed below 0.75 of its size (the narrow-mark target); and with any
 * gap but those inside ——/…… taking space.
 */
export function leastWidestGap(lines, base, firstLeft, left, right) {
  const items = [];
  lines.forEach((l, li) => {
    l.g.forEach((g, k) => {
      // Full-width: CJK and full-width forms, and wide marks such as “ ” — …; never a
      // Latin letter or digit, however wide (a serif m is 0.9 em).
      const fw = g.ch.codePointAt(0) >= 0x2e80 || g.ch === '—' || g.ch === '…' || (g.adv >= 0.9 * g.size && !isAlnum(g.ch));
      const cell = fw ? base(g.font, g.size) ?? g.adv : g.adv;
      const prev = k > 0 ? items[items.length - 1] : null;
      const spaceGlyph = prev && l.all.some((s) => s.space && s.x >= prev.x && s.x <= g.x);
      // The blank between the previous glyph's cell and this glyph, as set.
      const measured = prev ? g.x - (prev.x + prev.cell) : null;
      items.push({ ...g, fw, cell, li, measured, spaceGlyph });
    });
  });
  const n = items.length;
  if (n < 2) return null;
  const size = lines[0].size;
  const latin = (it) => !it.fw && !isHan(it.ch);
  for (let i = 0; i < n; i++) {
    const it = items[i];
    const prev = items[i - 1];
    const next = items[i + 1];
    const mark = (x) => x && x.fw && (OPEN.has(x.ch) || CLOSE.has(x.ch));
    const halved = (CLOSE.has(it.ch) && it.fw && mark(next)) || (OPEN.has(it.ch) && it.fw && prev && prev.fw && OPEN.has(prev.ch));
    it.w = halved ? it.cell / 2 : it.cell;
    it.sq = mark(it) && !halved ? it.cell / 2 : 0;
    // The narrow-mark target: a stop kept at 0.75 of its size at least.
    it.sq75 = STOPS.has(it.ch) ? Math.min(it.sq, Math.max(0, it.w - 0.75 * it.size)) : it.sq;
    it.endW = CLOSE.has(it.ch) && it.fw && !halved ? it.cell / 2 : it.w;
    it.letter = isHan(it.ch) || isAlnum(it.ch);
    // The pair (prev, it): its fixed gap [gmin, gmax], whether a line may break and
    // whether the gap may stretch.
    it.gmin = 0;
    it.gmax = 0;
    it.brk = false;
    it.std = false;
    it.loose = false;
    if (!prev) continue;
    const sameLine = prev.li === it.li;
    const spaced = latin(prev) && latin(it) && (!sameLine || it.spaceGlyph || it.measured > 0.15 * size);
    if (CURRENCY.has(prev.ch)) {
      // the sign stays tight against its number
    } else if (prev.font !== it.font && prev.fw && it.fw && isHan(prev.ch) && isHan(it.ch)) {
      // A lead title and its body text: a one-character gap (none at a line break).
      it.gmin = sameLine ? Math.min(it.cell, it.measured) : 0;
      it.gmax = sameLine ? Math.max(0, it.measured) : it.cell;
    } else if ((isHan(prev.ch) && isAlnum(it.ch)) || (isAlnum(prev.ch) && isHan(it.ch))) {
      it.gmin = 0.25 * Math.min(it.cell, size, prev.fw ? prev.cell : size);
      it.gmax = 0.25 * Math.max(it.fw ? it.cell : size, size, prev.fw ? prev.cell : size);
    } else if (prev.ch === '%' && isHan(it.ch)) {
      it.gmax = 0.25 * Math.max(it.cell, size);
    } else if (spaced) {
      it.gmax = sameLine ? Math.max(0, it.measured) : 0.5 * size;
    }
    const inWord = latin(prev) && latin(it) && !spaced;
    it.brk = !sameLine || (!NO_START.has(it.ch) && !NO_END.has(prev.ch) && !CURRENCY.has(prev.ch) && !inWord);
    const pair = (prev.ch === '—' && it.ch === '—') || (prev.ch === '…' && it.ch === '…');
    it.loose = !pair;
    it.std = !pair && !inWord;
  }
  const sum = (f) => {
    const s = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) s[i + 1] = s[i] + f(items[i]);
    return s;
  };
  const W = sum((x) => x.w);
  const Gmin = sum((x) => x.gmin);
  const Gmax = sum((x) => x.gmax);
  const SQ_HALF = sum((x) => x.sq);
  const SQ_75 = sum((x) => x.sq75);
  const NS = sum((x) => (x.std ? 1 : 0));
  const NL = sum((x) => (x.loose ? 1 : 0));
  const LET = sum((x) => (x.letter ? 1 : 0));
  const TOL = 0.25; // pt: the report's flush tolerance
  const widthOf = (i) => right - (i === 0 ? firstLeft : left);
  const maxWidth = Math.max(widthOf(0), widthOf(1));
  const solve = (N, SQ) => {
    const best = new Float64Array(n + 1).fill(Infinity);
    const from = new Int32Array(n + 1);
    const gl = new Float64Array(n + 1);
    best[0] = 0;
    for (let j = 1; j <= n; j++) {
      if (j < n && !items[j].brk) continue;
      for (let i = j - 1; i >= 0; i--) {
        if (i > 0 && !items[i].brk) continue;
        const last = items[j - 1];
        const body = W[j] - W[i] - last.w + last.endW;
        const natMin = body + Gmin[j] - Gmin[i + 1];
        const natMax = body + Gmax[j] - Gmax[i + 1];
        const start = OPEN.has(items[i].ch) ? items[i].sq : 0; // an opening mark, never a stop
        const shrink = (j - 1 > i + 1 ? SQ[j - 1] - SQ[i + 1] : 0) + start;
        if (natMin - shrink > maxWidth + TOL) break; // earlier starts are longer still
        if (best[i] === Infinity || natMin - shrink > widthOf(i) + TOL) continue;
        let g = 0;
        if (j === n) {
          if (i > 0 && LET[j] - LET[i] < 2) continue;
        } else {
          const slack = widthOf(i) - natMax;
          const gaps = N[j] - N[i + 1];
          if (slack > TOL) g = gaps > 0 ? slack / gaps / size : Infinity;
        }
        if (Math.max(best[i], g) < best[j]) {
          best[j] = Math.max(best[i], g);
          from[j] = i;
          gl[j] = g;
        }
      }
    }
    if (process.env.QR_DEBUG && best[n] < Infinity) {
      // The setting that reaches the bound, line by line.
      for (let j = n, rows = []; j > 0 || (console.log(rows.join('\n')), false); j = from[j]) rows.unshift(`        ${gl[j].toFixed(3)} ${items.slice(from[j], j).map((x) => x.ch).join('')}`);
    }
    return best[n];
  };
  return { std: solve(NS, SQ_HALF), std75: solve(NS, SQ_75), loose: solve(NL, SQ_HALF) };
}
