// PDF values as text, in the layout pdfkit used (one dictionary entry a line), so the
// files stay easy to read with a text editor and to check with simple tools.
//   JS string → name (/Type); PdfText → text string ((…) or UTF-16BE); Date → (D:…Z);
//   number (6 decimals), boolean, null, array, plain object → dictionary; PdfRef → N 0 R;
//   Uint8Array → hex string.

export class PdfRef {
  constructor(readonly num: number) {}
  toString(): string {
    return `${this.num} 0 R`;
  }
}

/** A text string (as opposed to a name). */
export class PdfText {
  constructor(readonly text: string) {}
}

/** Written as given: an operator-level escape hatch (e.g. a number tree's body). */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfValue = string | number | boolean | null | Date | PdfRef | PdfText | PdfRaw | Uint8Array | PdfValue[] | PdfDict;
export interface PdfDict {
  [key: string]: PdfValue | undefined;
}

const ESC: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };

/** A text string's bytes as a latin1 JS string: ASCII as is, anything else UTF-16BE with a BOM. */
function textBytes(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(s)) return s;
  let out = '\u00fe\u00ff';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(c >> 8, c & 0xff);
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function pdfDate(d: Date): string {
  return `D:${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export function pdfNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a PDF number: ${n}`);
  return String(Math.round(n * 1e6) / 1e6);
}

export function pdfString(s: string): string {
  return `(${textBytes(s).replace(/[\n\r\t\b\f\\()]/g, (c) => ESC[c])})`;
}

export function toPdf(v: PdfValue): string {
  if (typeof v === 'string') return `/${v}`;
  if (typeof v === 'number') return pdfNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (v instanceof PdfRef) return v.toString();
  if (v instanceof PdfText) return pdfString(v.text);
  if (v instanceof PdfRaw) return v.text;
  if (v instanceof Date) return `(${pdfDate(v)})`;
  if (v instanceof Uint8Array) return `<${Buffer.from(v).toString('hex')}>`;
  if (Array.isArray(v)) return `[${v.map(toPdf).join(' ')}]`;
  const out = ['<<'];
  for (const k in v) {
    const x = v[k];
    if (x !== undefined) out.push(`/${k} ${toPdf(x)}`);
  }
  out.push('>>');
  return out.join('\n');
}
