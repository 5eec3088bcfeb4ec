// The issue file's shape: the single source of truth for its types.
// Field names are fixed (back issues rely on them); extend, never rename.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { styleSchema } from './style-schema.js';

// zod/mini rather than zod's chained API: the same checks and issues, at a tenth of the
// code to load on every start (~25 ms of a one-issue build). zod compiles a fast path
// for each object schema on its first parse; a build parses a few small files, so
// compiling costs more than it saves (bench/README.md). English messages, as zod's chained API has by default.
z.config({ ...en(), jitless: true });

/** Non-empty text, trimmed. */
export const text = z.string().check(z.trim(), z.minLength(1, { message: 'must not be empty' }));

const wholeNumber = z.number().check(z.int({ message: 'must be a whole number' }), z.minimum(1, { message: 'must be 1 or more' }));

/** ISO calendar date, YYYY-MM-DD, checked against the calendar (2023-02-30 is refused). */
export const isoDate = z.string().check(
  z.superRefine((s, ctx) => {
    const why = dateProblem(s);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  }),
);

export function isRealDate(s: string): boolean {
  return dateProblem(s) === undefined;
}

/** What is wrong with a date as typed, in words, with the fix when it can be guessed. */
export function dateProblem(typed: string): string | undefined {
  const s = typed.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const other = iso ?? /^(\d{4})\s*[/.年－-]\s*(\d{1,2})\s*[/.月－-]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!other) return 'must be a date written YYYY-MM-DD, for example 2023-08-25';
  const [y, mo, d] = [Number(other[1]), Number(other[2]), Number(other[3])];
  // A year no bulletin has (0000, 0023 for 2023, 3023): a slip, which the masthead would print.
  if (y < 1900 || y > 2199) return `${other[1]} is not a year this bulletin could be dated; write the date as YYYY-MM-DD, for example 2023-08-25`;
  if (mo < 1 || mo > 12) return `there is no month ${mo}; write the date as YYYY-MM-DD, for example 2023-08-25`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `${y}-${pad(mo)}-${pad(d)} is not a date: month ${mo} of ${y} has ${days} days`;
  if (!iso || s !== typed.trim()) return `write the date as YYYY-MM-DD with ASCII digits: ${y}-${pad(mo)}-${pad(d)}`;
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

const mastheadSchema = z.strictObject({
  title: text,
  issue: wholeNumber,
  total: z.optional(wholeNumber),
  publisher: text,
  date: isoDate,
  mark: z.optional(text),
});

const itemSchema = z.strictObject({
  title: z.optional(text),
  body: text,
  source: z.optional(text),
});

const sectionSchema = z.strictObject({
  heading: text,
  items: z.array(itemSchema).check(z.minLength(1, { message: 'needs at least one item' })),
});

const distributionSchema = z.strictObject({
  label: z._default(text, '本期发'),
  to: z.union([text, z.array(text).check(z.minLength(1, { message: 'needs at least one recipient' }))]),
  copies: z.optional(wholeNumber),
});

const staffSchema = z.strictObject({
  role: text,
  name: text,
});

export const issueSchema = z.strictObject({
  masthead: mastheadSchema,
  sections: z.array(sectionSchema).check(z.minLength(1, { message: 'needs at least one section' })),
  distribution: z.optional(distributionSchema),
  staff: z.optional(z.array(staffSchema)),
  // Lazy: the style schema is built only for an issue that has a style block.
  style: z.optional(z.lazy(() => styleSchema())),
});

export type Issue = z.infer<typeof issueSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Masthead = z.infer<typeof mastheadSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type Staff = z.infer<typeof staffSchema>;
