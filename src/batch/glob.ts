// Minimal globs for inputs that reach us unexpanded (quoted, or from Windows shells):
// `*` and `?` within one path segment, `**` across folders, `[abc]`, `{a,b}`.
// Node 20 has no fs.glob, and a dependency is not worth it for this.

export const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(s: string): boolean {
  return GLOB_CHARS.test(s);
}

/** Split a pattern into the folder before its first wildcard and the rest. */
export function globBase(pattern: string): { base: string; rest: string } {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const i = parts.findIndex((p) => isGlob(p));
  const baseParts = parts.slice(0, i);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, rest: parts.slice(i).join('/') };
}

/** A regular expression for a pattern matched against a path with `/` separators. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more whole folders; a bare `**` anything.
        if (pattern[i + 2] === '/') {
          re += '(?:[^/]+/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += '(?:' + pattern.slice(i + 1, end).split(',').map(escape).join('|') + ')';
        i = end;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
