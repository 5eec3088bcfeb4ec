// A Word file is a zip: a few hundred kilobytes can unpack to gigabytes of XML, or hold
// millions of paragraphs, either of which would exhaust memory in the Word reader. So
// before mammoth reads it: the sizes the zip's central directory declares, then the XML
// itself, unpacked as a stream and counted, stopping at the caps (a zip may lie about
// its sizes).
import { createRequire } from 'node:module';
import type JSZip from 'jszip';

// Required when a Word file is read, not bundled: most runs never need it.
const loadJszip = () => createRequire(import.meta.url)('jszip') as typeof JSZip;

/** XML a Word file may unpack to: an issue is a few hundred kilobytes of it. */
const MAX_DOCX_XML_BYTES = 50 * 1024 * 1024;
/** Paragraphs a Word file may hold: a 1,000-page issue has fewer than this. */
const MAX_DOCX_PARAGRAPHS = 50_000;
/** Parts of the zip: a Word file has a few dozen (and a picture each). */
const MAX_DOCX_ENTRIES = 2_000;

export class DocxLimitError extends Error {}

/** The size an entry says it unpacks to: jszip keeps it, from the central directory, on a field its types leave out. */
function declaredSize(entry: JSZip.JSZipObject): number {
  return (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
}

const isXml = (name: string) => /\.(xml|rels)$/i.test(name);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

/** Throws DocxLimitError when the file is past a cap; jszip's own errors (not a zip) pass through. */
export async function checkDocxLimits(bytes: Uint8Array): Promise<void> {
  // The count the zip's end record declares, before jszip makes an object of every part
  // (jszip refuses a zip whose parts do not match it).
  const entries = declaredEntries(bytes) ?? 0;
  if (entries > MAX_DOCX_ENTRIES) {
    throw new DocxLimitError(`the Word file holds ${entries.toLocaleString('en')} parts; a Word file has a few dozen, so it is not read`);
  }
  const zip = await loadJszip().loadAsync(bytes, { checkCRC32: false });
  const parts = Object.values(zip.files).filter((f) => !f.dir && isXml(f.name));
  const declared = parts.reduce((sum, f) => sum + declaredSize(f), 0);
  if (declared > MAX_DOCX_XML_BYTES) throw tooMuchXml(declared);
  let unpacked = 0;
  let paragraphs = 0;
  for (const part of parts) {
    // `<w:p>` or `<w:p …>` opens a paragraph; the last bytes of a chunk are kept for a tag cut in two.
    let tail = '';
    await eachChunk(part, (chunk) => {
      unpacked += chunk.length;
      if (unpacked > MAX_DOCX_XML_BYTES) throw tooMuchXml(unpacked, 'more than');
      const text = tail + chunk.toString('latin1');
      paragraphs += countParagraphs(text);
      tail = text.slice(-5);
      if (paragraphs > MAX_DOCX_PARAGRAPHS) {
        throw new DocxLimitError(`the Word file holds more than ${MAX_DOCX_PARAGRAPHS.toLocaleString('en')} paragraphs; an issue has far fewer, so it is not read`);
      }
    });
  }
}

/** Unpack an entry as a stream, chunk by chunk; a throw from `take` stops the unpacking. */
function eachChunk(entry: JSZip.JSZipObject, take: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (e) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(e);
      }
    });
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
}

/** The number of parts in the zip's end-of-central-directory record (its last 22 bytes, before a comment of up to 64 KB). */
function declaredEntries(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint16(at + 10, true);
  }
  return undefined;
}

/** Paragraph starts in `text`, not counting one that begins in its last five characters (the next chunk counts it). */
function countParagraphs(text: string): number {
  let n = 0;
  const end = text.length - 5;
  for (let i = text.indexOf('<w:p'); i >= 0 && i < end; i = text.indexOf('<w:p', i + 4)) {
    const next = text.charCodeAt(i + 4);
    if (next === 0x3e || next === 0x20 || next === 0x2f) n++; // '>', ' ', '/'
  }
  return n;
}

function tooMuchXml(bytes: number, how = ''): DocxLimitError {
  return new DocxLimitError(`the Word file would unpack to ${how ? `${how} ` : ''}${mb(bytes)} of text (XML); an issue's is far smaller, and at most ${mb(MAX_DOCX_XML_BYTES)} is read`);
}
