// Bytes to text the way offices save files: UTF-8 (with or without BOM), CRLF,
// GBK/GB18030 from Windows Notepad, or Big5 (Traditional Chinese Windows), told apart from
// GBK by chardet's character statistics. Anything else (binary, UTF-16, a Word or PDF
// file picked by mistake) is refused with a message that says what it is.
import { createRequire } from 'node:module';
import type Chardet from 'chardet';

// Required for the files that are not UTF-8, not bundled: most runs never need it.
const loadChardet = () => createRequire(import.meta.url)('chardet') as typeof Chardet;

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'gb18030' | 'big5';
  notices: string[];
}

/** What the file is meant to be, for messages: an issue or style file, or a text to import. */
export interface InputKindWords {
  /** "an issue file" */
  noun: string;
  /** what such a file is: "YAML text (.yaml)" */
  is: string;
  /** the text it must be: "YAML text, UTF-8 or GBK" */
  text: string;
  /** what it holds, for an empty one: 'an issue file starts with "masthead:"' */
  holds?: string;
}

export const ISSUE_FILE: InputKindWords = { noun: 'an issue file', is: 'YAML text (.yaml)', text: 'YAML text, UTF-8 or GBK', holds: 'an issue file starts with "masthead:"' };
export const STYLE_FILE: InputKindWords = {
  noun: 'a style file',
  is: 'YAML text (.yaml)',
  text: 'YAML text, UTF-8 or GBK',
  holds: 'a style file holds what an issue\'s style: block holds, such as "page:", "size:", "color:" or "fonts:"',
};

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

export function tooBigMessage(bytes: number, words: InputKindWords = ISSUE_FILE, limit = MAX_INPUT_BYTES): string {
  // Rounded up, so a file just over the limit never reads as "10.0 MB; at most 10 MB".
  return `the file is ${(Math.ceil((bytes / 1048576) * 10) / 10).toFixed(1)} MB; ${words.noun} may be at most ${limit / 1048576} MB`;
}

export function decodeInput(bytes: Uint8Array, words: InputKindWords = ISSUE_FILE): Decoded {
  if (bytes.length > MAX_INPUT_BYTES) throw new DecodeError(tooBigMessage(bytes.length, words));
  const kind = knownBinary(bytes);
  if (kind) throw new DecodeError(`this is ${kind}, not ${words.noun}; ${words.noun} is ${words.is}`);
  const utf16 = utf16Kind(bytes);
  if (utf16) throw new DecodeError(`the file is ${utf16} text; ${SAVE_AS_UTF8}`);
  if (bytes.includes(0)) {
    throw new DecodeError(`this is not a text file (it holds binary data); ${words.noun} is ${words.text}`);
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
    encoding = chineseEncoding(bytes);
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new DecodeError(`the file is neither UTF-8 nor GBK/GB18030 nor Big5 text; ${SAVE_AS_UTF8}`);
    }
    notices.push(
      encoding === 'big5'
        ? 'the file is Big5 (Traditional Chinese, as Windows in Taiwan or Hong Kong saves it) and was read as such; saving it as UTF-8 avoids this notice'
        : 'the file is GBK/GB18030 (as Windows Notepad saves it) and was read as such; saving it as UTF-8 avoids this notice',
    );
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, notices };
}

/**
 * GBK or Big5: both are two bytes a character over the same byte ranges, so most Big5 files
 * also decode as GBK, to nonsense. Which characters come out common says which it is;
 * GBK, the mainland's, when it is a tie or only GBK decodes.
 */
function chineseEncoding(bytes: Uint8Array): 'gb18030' | 'big5' {
  const decodes = (enc: string) => {
    try {
      new TextDecoder(enc, { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  if (!decodes('gb18030')) return decodes('big5') ? 'big5' : 'gb18030';
  if (!decodes('big5')) return 'gb18030';
  const matches = loadChardet().analyse(bytes);
  const confidence = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
  return confidence('Big5') > confidence('GB18030') ? 'big5' : 'gb18030';
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
