// The house style (FORMAT.md) as a schema whose defaults are the house numbers.
// An issue's `style:` block and a `--style` file hold partial copies of this shape;
// they are merged (issue wins) and parsed once, so every number has one default here.
import * as z from 'zod/mini';

const PT_PER_MM = 72 / 25.4;

/** A length: a number in the key's default unit, or a string with a unit (mm, cm, pt). */
function length(defaultUnit: 'mm' | 'pt', fallback: number, min = 0, max = 2000) {
  const toPt = defaultUnit === 'mm' ? PT_PER_MM : 1;
  const toPoints = z.transform((v: number | string, ctx) => {
      const m = typeof v === 'number' ? [String(v), String(v), defaultUnit] : /^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|pt)?\s*$/.exec(v);
    if (!m) {
      ctx.issues.push({ code: 'custom', message: 'must be a length such as 12, "12mm", "1.2cm" or "16pt"', input: v });
      return z.NEVER;
    }
    const n = Number(m[1]);
    const unit = m[2] ?? defaultUnit;
    return unit === 'pt' ? n : unit === 'cm' ? n * 10 * PT_PER_MM : n * PT_PER_MM;
  });
  const inRange = z.refine<number>((n) => n >= min * toPt - 1e-9 && n <= max * toPt + 1e-9, {
    message: `must be between ${min} and ${max} ${defaultUnit}`,
  });
  return z.prefault(z.pipe(z.union([z.number(), z.string()]), toPoints).check(inRange), fallback);
}

const mm = (n: number, min = 0, max = 500) => length('mm', n, min, max);
const pt = (n: number, min = 0, max = 100) => length('pt', n, min, max);
/** A type size: large enough to print, small enough to fit a page. */
const typeSize = (n: number) => pt(n, 4, 200);

const hexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like "#E60012"' }));
const percent = () => z.number().check(z.minimum(0), z.maximum(100));
const cmyk = z.tuple([percent(), percent(), percent(), percent()]);

/** One face or a fallback chain of faces (family name, PostScript name, or file path). */
const faceList = z.pipe(
  z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]),
  z.transform((v: string | string[]) => (Array.isArray(v) ? v : [v])),
);

export const ROLES = ['masthead', 'heading', 'lead', 'body', 'source', 'end', 'folio'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The schema, built on first use: zod takes ~5 ms to build it, and an issue that sets no
 * style of its own (the usual case) needs only the defaults (defaultStyle).
 */
export function styleSchema() {
  return (built ??= buildStyleSchema());
}
let built: ReturnType<typeof buildStyleSchema> | undefined;

/** A block of keys, each with its default: left out, it takes them all. */
function block<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.prefault(z.strictObject(shape), {} as z.input<ReturnType<typeof z.strictObject<T>>>);
}

function buildStyleSchema() {
  return z.strictObject({
  page: block({
    width: mm(210, 50, 2000),
    height: mm(297, 50, 2000),
    top: mm(37),
    bottom: mm(35),
    left: mm(28),
    right: mm(26),
  }),
  grid: block({
    lines: z._default(z.number().check(z.int(), z.minimum(5), z.maximum(60)), 22),
    chars: z._default(z.number().check(z.int(), z.minimum(10), z.maximum(60)), 28),
  }),
  size: block({
    masthead: typeSize(42),
    mastheadMin: typeSize(26),
    mark: typeSize(16),
    issueLine: typeSize(16),
    publisher: typeSize(16),
    heading: typeSize(16),
    body: typeSize(16),
    end: typeSize(14),
    folio: typeSize(14),
  }),
  color: block({
    red: z._default(hexColor, '#E60012'),
    text: z._default(hexColor, '#000000'),
    redCmyk: z._default(cmyk, [0, 100, 100, 0]),
    mode: z._default(z.enum(['rgb', 'cmyk']), 'rgb'),
    /** ICC profile of the printing condition: the output intent of PDF/A in CMYK. */
    cmykProfile: z.optional(z.string().check(z.minLength(1))),
  }),
  fonts: block({
    masthead: z.optional(faceList),
    heading: z.optional(faceList),
    lead: z.optional(faceList),
    body: z.optional(faceList),
    source: z.optional(faceList),
    end: z.optional(faceList),
    folio: z.optional(faceList),
    fallback: z.optional(faceList),
  }),
  bold: block({
    masthead: z._default(z.boolean(), false),
    heading: z._default(z.boolean(), false),
    lead: z._default(z.boolean(), false),
    body: z._default(z.boolean(), false),
    source: z._default(z.boolean(), false),
    end: z._default(z.boolean(), false),
    folio: z._default(z.boolean(), false),
  }),
  masthead: block({
    /** Most extra space between title characters, in characters of the title size. */
    letterSpacing: z._default(z.number().check(z.minimum(0), z.maximum(2)), 1),
    ruleGap: mm(4),
    ruleWidth: pt(1.5),
    doubleRule: z._default(z.boolean(), false),
  }),
  end: block({
    ruleOuter: mm(0.35),
    ruleInner: mm(0.25),
    /** Line pitch of the distribution and staff lines, as a multiple of their size. */
    leading: z._default(z.number().check(z.minimum(1), z.maximum(3)), 1.5),
  }),
  folio: block({
    position: z._default(z.enum(['outside', 'center', 'none']), 'outside'),
    gap: mm(7),
  }),
});
}

export type Style = z.output<ReturnType<typeof buildStyleSchema>>;

// The schema's defaults as JSON, computed from the schema when the bundle is built
// (scripts/bundle.mjs); undefined in an unbundled build, which computes them here.
declare const __YB_DEFAULT_STYLE__: string | undefined;

/** The house style with nothing overridden: what the schema makes of `{}`. A fresh copy. */
export function defaultStyle(): Style {
  return typeof __YB_DEFAULT_STYLE__ === 'string' ? (JSON.parse(__YB_DEFAULT_STYLE__) as Style) : styleSchema().parse({});
}

/** A problem of the merged style; `keys`: the keys it is located at, the first one set (default: `field`). */
export interface StyleProblem {
  field: string;
  message: string;
  keys?: string[][];
}

/** Checks across keys, on the merged style: the type area must hold the grid, and each line its type. */
export function styleGeometryProblems(s: Style): StyleProblem[] {
  const out: StyleProblem[] = [];
  const w = s.page.width - s.page.left - s.page.right;
  const h = s.page.height - s.page.top - s.page.bottom;
  const f = (n: number) => `${(n / PT_PER_MM).toFixed(1)} mm`;
  if (w < s.size.body * 10) out.push({ field: 'page', message: `the type area is ${f(w)} wide: the margins leave too little room for ${s.size.body} pt text` });
  else if (w / s.grid.chars < s.size.body * 0.8) out.push({ field: 'grid.chars', message: `${s.grid.chars} characters of ${s.size.body} pt do not fit a ${f(w)} line` });
  if (h < s.size.body * 5) out.push({ field: 'page', message: `the type area is ${f(h)} high: the margins leave too little room` });
  else if (h / s.grid.lines < s.size.body) out.push({ field: 'grid.lines', message: `${s.grid.lines} lines of ${s.size.body} pt do not fit a ${f(h)} type area` });
  if (s.size.mastheadMin > s.size.masthead) out.push({ field: 'size.mastheadMin', message: `is larger than size.masthead (${s.size.masthead} pt)` });
  // The mark, issue line, publisher and headings take one grid line each: larger type would overprint its neighbours.
  const pitch = h / s.grid.lines;
  if (pitch >= s.size.body) {
    for (const k of ['heading', 'mark', 'issueLine', 'publisher'] as const) {
      if (s.size[k] > pitch + 1e-9) out.push({ field: `size.${k}`, message: `${s.size[k]} pt type does not fit a line of the grid (${s.grid.lines} lines of ${pitch.toFixed(1)} pt in ${f(h)}); at most ${Math.floor(pitch * 10) / 10} pt` });
    }
  }
  // The end block's rules stay clear of its text: a line's em box is 0.75 of the pitch less half the size from a rule's side.
  const room = 0.75 * s.size.end * s.end.leading - 0.5 * s.size.end;
  const endTerms = `${s.size.end} pt lines at end.leading ${s.end.leading}`;
  for (const [k, limit] of [['ruleOuter', room], ['ruleInner', 2 * room]] as const) {
    if (s.end[k] > limit + 1e-9) out.push({ field: `end.${k}`, message: `a ${f(s.end[k])} rule would overprint the end block's ${endTerms}; at most ${f(limit)}`, keys: [['end', k], ['size', 'end'], ['end', 'leading']] });
  }
  return out;
}
