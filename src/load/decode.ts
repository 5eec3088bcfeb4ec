// Bytes to text the way offices save files: UTF-8 (with or without BOM), CRLF,
// or GBK/GB18030 from Windows Notepad. Anything else (binary, UTF-16, a Word or PDF
// file picked by mistake) is refused with a message that says what it is.

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'gb18030';
  notices: string[];
}

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** A problem with the bytes; line/col when it can be pinned to a place. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }
}

const SAVE_AS_UTF8 = 'save it as UTF-8 text (Notepad: 另存为 → 编码 UTF-8)';

export function tooBigMessage(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as "10.0 MB; at most 10 MB".
  return `the file is ${(Math.ceil((bytes / 1048576) * 10) / 10).toFixed(1)} MB; an issue file may be at most ${MAX_INPUT_BYTES / 1048576} MB`;
}

export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_INPUT_BYTES) throw new DecodeError(tooBigMessage(bytes.length));
  const kind = knownBinary(bytes);
  if (kind) throw new DecodeError(`this is ${kind}, not an issue file; an issue file is YAML text (.yaml)`);
  const utf16 = utf16Kind(bytes);
  if (utf16) throw new DecodeError(`the file is ${utf16} text; ${SAVE_AS_UTF8}`);
  if (bytes.includes(0)) {
    throw new DecodeError('this is not a text file (it holds binary data); an issue file is YAML text, UTF-8 or GBK');
  }
  const notices: string[] = [];
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Mostly good UTF-8 with a few bad bytes is a damaged UTF-8 file, not GBK:
    // decoding it as GBK would print mojibake without a word of warning.
    const bad = firstBadUtf8(bytes);
    if (bad) {
      throw new DecodeError('a damaged character: these bytes are not UTF-8 text, though the rest of the file is; retype the character here', bad.line, bad.col);
    }
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new DecodeError(`the file is neither UTF-8 nor GBK/GB18030 text; ${SAVE_AS_UTF8}`);
    }
    encoding = 'gb18030';
    notices.push('the file is GBK/GB18030 (as Windows Notepad saves it) and was read as such; saving it as UTF-8 avoids this notice');
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, notices };
}

/** Files clerks pick by mistake, by their first bytes. */
function knownBinary(b: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF file';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a Word/Excel document or a zip archive (.docx, .xlsx, .zip)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old-style Word/Excel document (.doc, .xls)';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  return undefined;
}

/** UTF-16 with a BOM, or without one (Chinese text in UTF-16 has NULs in every other byte for ASCII). */
function utf16Kind(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (Unicode)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (Unicode big endian)';
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // ASCII structure (keys, colons, newlines) gives NULs on one side only.
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return 'UTF-16 (Unicode)';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return 'UTF-16 (Unicode big endian)';
  return undefined;
}

/**
 * Where the first invalid UTF-8 sequence is, if the file is otherwise clearly UTF-8
 * (valid multi-byte characters far outnumber the bad bytes); undefined otherwise.
 */
function firstBadUtf8(b: Uint8Array): { line: number; col: number } | undefined {
  let good = 0;
  let bad = 0;
  let first = -1;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= b.length;
    for (let k = 1; ok && k < len; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += len;
    } else {
      bad++;
      if (first < 0) first = i;
      i++;
    }
  }
  if (first < 0 || good < 8 || good < bad * 10) return undefined;
  // Line and column of the bad byte, counting characters of the good text before it.
  const before = new TextDecoder('utf-8').decode(b.subarray(0, first)).replace(/\r\n?/g, '\n');
  const lines = before.split('\n');
  return { line: lines.length, col: [...lines[lines.length - 1]].length + 1 };
}
