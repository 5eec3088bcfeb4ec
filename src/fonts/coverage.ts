// Every character of the issue must have a glyph in a face of its role: a missing one
// stops the build with the character, its code point, the role, the faces tried and
// where it stands in the input.
import type { Problem } from '../errors.js';
import type { FontBook } from './font-book.js';
import type { Role } from '../validate/style-schema.js';

export interface TextField {
  text: string;
  role: Role;
  /** Field path in the input, e.g. sections[0].items[1].body */
  field: string;
  /** Where the character stands in the input; undefined for generated text. */
  locate?: (ch: string) => { line: number; col: number } | undefined;
}

export function checkCoverage(fields: TextField[], book: FontBook, file: string): Problem[] {
  const out: Problem[] = [];
  for (const f of fields) {
    for (const ch of book.missing(f.text, f.role)) {
      const cp = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      const tried = book.chains[f.role].map((x) => x.face.postscriptName).join(', ');
      out.push({
        file,
        ...(f.locate?.(ch) ?? {}),
        field: f.field,
        message: `${ch === ' ' ? 'a space' : `"${ch}"`} (U+${cp}) is in no face of the ${f.role} role (tried: ${tried})`,
        hint: 'add a face that has it to style.fonts.fallback, or to the role\'s list in style.fonts',
      });
    }
  }
  return out;
}
