// The house style (FORMAT.md) as a schema whose defaults are the house numbers.
// An issue's `style:` block and a `--style` file hold partial copies of this shape;
// they are merged (issue wins) and parsed once, so every number has one default here.
import { z } from 'zod';

const PT_PER_MM = 72 / 25.4;

/** A length: a number in the key's default unit, or a string with a unit (mm, cm, pt). */
function length(defaultUnit: 'mm' | 'pt', fallback: number, min = 0, max = 2000) {
  const toPt = defaultUnit === 'mm' ? PT_PER_MM : 1;
  return z
    .union([z.number(), z.string()])
    .transform((v, ctx) => {
      const m = typeof v === 'number' ? [String(v), String(v), defaultUnit] : /^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|pt)?\s*$/.exec(v);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'must be a length such as 12, "12mm", "1.2cm" or "16pt"' });
        return z.NEVER;
      }
      const n = Number(m[1]);
      const unit = m[2] ?? defaultUnit;
      return unit === 'pt' ? n : unit === 'cm' ? n * 10 * PT_PER_MM : n * PT_PER_MM;
    })
    .refine((n) => n >= min * toPt - 1e-9 && n <= max * toPt + 1e-9, {
      message: `must be between ${min} and ${max} ${defaultUnit}`,
    })
    .prefault(fallback);
}

const mm = (n: number, min = 0, max = 500) => length('mm', n, min, max);
const pt = (n: number, min = 0, max = 100) => length('pt', n, min, max);
/** A type size: large enough to print, small enough to fit a page. */
const typeSize = (n: number) => pt(n, 4, 200);

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like "#E60012"' });
const cmyk = z.tuple([z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100), z.number().min(0).max(100)]);

/** One face or a fallback chain of faces (family name, PostScript name, or file path). */
const faceList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

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

function buildStyleSchema() {
  return z.strictObject({
  page: z
    .strictObject({
      width: mm(210, 50, 2000),
      height: mm(297, 50, 2000),
      top: mm(37),
      bottom: mm(35),
      left: mm(28),
      right: mm(26),
    })
    .prefault({}),
  grid: z
    .strictObject({
      lines: z.number().int().min(5).max(60).default(22),
      chars: z.number().int().min(10).max(60).default(28),
    })
    .prefault({}),
  size: z
    .strictObject({
      masthead: typeSize(42),
      mastheadMin: typeSize(26),
      mark: typeSize(16),
      issueLine: typeSize(16),
      publisher: typeSize(16),
      heading: typeSize(16),
      body: typeSize(16),
      end: typeSize(14),
      folio: typeSize(14),
    })
    .prefault({}),
  color: z
    .strictObject({
      red: hexColor.default('#E60012'),
      text: hexColor.default('#000000'),
      redCmyk: cmyk.default([0, 100, 100, 0]),
      mode: z.enum(['rgb', 'cmyk']).default('rgb'),
      /** ICC profile of the printing condition: the output intent of PDF/A in CMYK. */
      cmykProfile: z.string().min(1).optional(),
    })
    .prefault({}),
  fonts: z
    .strictObject({
      masthead: faceList.optional(),
      heading: faceList.optional(),
      lead: faceList.optional(),
      body: faceList.optional(),
      source: faceList.optional(),
      end: faceList.optional(),
      folio: faceList.optional(),
      fallback: faceList.optional(),
    })
    .prefault({}),
  bold: z
    .strictObject({
      masthead: z.boolean().default(false),
      heading: z.boolean().default(false),
      lead: z.boolean().default(false),
      body: z.boolean().default(false),
      source: z.boolean().default(false),
      end: z.boolean().default(false),
      folio: z.boolean().default(false),
    })
    .prefault({}),
  masthead: z
    .strictObject({
      /** Most extra space between title characters, in characters of the title size. */
      letterSpacing: z.number().min(0).max(2).default(1),
      ruleGap: mm(4),
      ruleWidth: pt(1.5),
      doubleRule: z.boolean().default(false),
    })
    .prefault({}),
  end: z
    .strictObject({
      ruleOuter: mm(0.35),
      ruleInner: mm(0.25),
      /** Line pitch of the distribution and staff lines, as a multiple of their size. */
      leading: z.number().min(1).max(3).default(1.5),
    })
    .prefault({}),
  folio: z
    .strictObject({
      position: z.enum(['outside', 'center', 'none']).default('outside'),
      gap: mm(7),
    })
    .prefault({}),
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

/** Checks across keys, on the merged style: the type area must hold the grid. */
export function styleGeometryProblems(s: Style): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const w = s.page.width - s.page.left - s.page.right;
  const h = s.page.height - s.page.top - s.page.bottom;
  const f = (n: number) => `${(n / PT_PER_MM).toFixed(1)} mm`;
  if (w < s.size.body * 10) out.push({ field: 'page', message: `the type area is ${f(w)} wide: the margins leave too little room for ${s.size.body} pt text` });
  else if (w / s.grid.chars < s.size.body * 0.8) out.push({ field: 'grid.chars', message: `${s.grid.chars} characters of ${s.size.body} pt do not fit a ${f(w)} line` });
  if (h < s.size.body * 5) out.push({ field: 'page', message: `the type area is ${f(h)} high: the margins leave too little room` });
  else if (h / s.grid.lines < s.size.body) out.push({ field: 'grid.lines', message: `${s.grid.lines} lines of ${s.size.body} pt do not fit a ${f(h)} type area` });
  if (s.size.mastheadMin > s.size.masthead) out.push({ field: 'size.mastheadMin', message: `is larger than size.masthead (${s.size.masthead} pt)` });
  return out;
}
