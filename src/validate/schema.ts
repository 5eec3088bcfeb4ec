// The issue file's shape: the single source of truth for its types.
// Field names are fixed (back issues rely on them); extend, never rename.
import { z } from 'zod';
import { styleSchema } from './style-schema.js';

/** Non-empty text, trimmed. */
export const text = z.string().trim().min(1, { message: 'must not be empty' });

const wholeNumber = z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be 1 or more' });

/** ISO calendar date, YYYY-MM-DD, checked against the calendar (2023-02-30 is refused). */
export const isoDate = z.string().refine(isRealDate, {
  message: 'must be a real date written YYYY-MM-DD, for example 2023-08-25',
});

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const mastheadSchema = z.strictObject({
  title: text,
  issue: wholeNumber,
  total: wholeNumber.optional(),
  publisher: text,
  date: isoDate,
  mark: text.optional(),
});

export const itemSchema = z.strictObject({
  title: text.optional(),
  body: text,
  source: text.optional(),
});

export const sectionSchema = z.strictObject({
  heading: text,
  items: z.array(itemSchema).min(1, { message: 'needs at least one item' }),
});

export const distributionSchema = z.strictObject({
  label: text.default('本期发'),
  to: z.union([text, z.array(text).min(1, { message: 'needs at least one recipient' })]),
  copies: wholeNumber.optional(),
});

export const staffSchema = z.strictObject({
  role: text,
  name: text,
});

export const issueSchema = z.strictObject({
  masthead: mastheadSchema,
  sections: z.array(sectionSchema).min(1, { message: 'needs at least one section' }),
  distribution: distributionSchema.optional(),
  staff: z.array(staffSchema).optional(),
  style: styleSchema.optional(),
});

export type Issue = z.infer<typeof issueSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Masthead = z.infer<typeof mastheadSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type Staff = z.infer<typeof staffSchema>;
