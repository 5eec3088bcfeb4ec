// Bytes to text the way offices save files: UTF-8 (with or without BOM), CRLF,
// or GBK/GB18030 from Windows Notepad. Binary input is refused, not guessed at.

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'gb18030';
  notices: string[];
}

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export class DecodeError extends Error {}

export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new DecodeError(
      `the file is ${(bytes.length / 1048576).toFixed(1)} MB; an issue file may be at most ${MAX_INPUT_BYTES / 1048576} MB`,
    );
  }
  if (looksBinary(bytes)) {
    throw new DecodeError('this is not a text file (it holds binary data); an issue file is YAML text, UTF-8 or GBK');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new DecodeError('the file is UTF-16; save it as UTF-8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) throw new DecodeError('the file is UTF-16; save it as UTF-8');
  const notices: string[] = [];
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new DecodeError('the file is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8');
    }
    encoding = 'gb18030';
    notices.push('the file is GBK/GB18030 (as Windows Notepad saves it); it was read as such. Saving it as UTF-8 avoids this notice.');
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, notices };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  // UTF-16 files have NULs too; they get their own message above.
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
