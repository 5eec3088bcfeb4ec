// Typing slips that are syntax errors in YAML, and make YAML read the rest of the block
// wrongly: indentation typed with tabs or full-width spaces (U+3000), a key closed with a
// full-width colon (`title：`) or with no space after its colon (`title:延津`). Each is
// plain, so the text is repaired (an indent as the line above it, `key: `) to read the
// rest of the file and list its own problems too; the repaired text is never written.

const LEAD = /^([ \t\u3000]*)(?:(-)([ \t\u3000]+))?/;

/** Whether the line's indentation (or the space after its list dash) holds a tab or a full-width space. */
export function badIndent(line: string): boolean {
  const m = LEAD.exec(line)!;
  return /[\t\u3000]/.test(m[1] + (m[3] ?? ''));
}

/** The column where the first tab or full-width space of the indentation stands (1-based). */
export function badIndentColumn(line: string): number {
  const m = LEAD.exec(line)!;
  const i = m[0].search(/[\t\u3000]/);
  return i < 0 ? 1 : i + 1;
}

/** `title：延津`, `title:延津`: an ASCII key whose colon is full-width or has no space after it. */
const SLIPPED_KEY = /^( *(?:- +)?)([A-Za-z_][\w-]*)(?: *：[ \u3000]*|:(?=[^\s:/]))/;

/** The text with each slip repaired (a bad indent as the keys of the line above it), and which lines changed. */
export function repairSlips(text: string): { text: string; changed: Set<number> } {
  const lines = text.split('\n');
  const changed = new Set<number>();
  let keyColumn = 0;
  lines.forEach((line, i) => {
    if (!line.trim() || /^\s*#/.test(line)) return;
    if (badIndent(line)) {
      const m = LEAD.exec(line)!;
      const before = /[\t\u3000]/.test(m[1]) ? ' '.repeat(keyColumn) : m[1];
      lines[i] = before + (m[2] ? '- ' : '') + line.slice(m[0].length);
      changed.add(i + 1);
    }
    const key = SLIPPED_KEY.exec(lines[i]);
    if (key) {
      lines[i] = `${key[1]}${key[2]}: ${lines[i].slice(key[0].length)}`;
      changed.add(i + 1);
    }
    const lead = /^( *)(- +)?/.exec(lines[i])!;
    keyColumn = lead[0].length;
  });
  return { text: lines.join('\n'), changed };
}
