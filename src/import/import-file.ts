// One back issue (text or Word) → a checked issue and its YAML text.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { UserError } from '../errors.js';
import { decodeInput, DecodeError, MAX_INPUT_BYTES, tooBigMessage, type InputKindWords } from '../load/decode.js';
import { issueSchema, type Issue } from '../validate/schema.js';
import { textBlocks } from './read-text.js';
import { parseBlocks } from './parse-issue.js';
import { issueToYaml } from './issue-yaml.js';
import type { Block, ImportNote, PlaceWord } from './types.js';

export interface Imported {
  issue: Issue;
  yaml: string;
  notes: ImportNote[];
  /** What the notes' numbers count. */
  place: PlaceWord;
}

export type InputKind = 'text' | 'docx';

export function kindOf(file: string): InputKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.doc' || ext === '.wps') {
    throw new UserError({ file, message: `${ext} files (old Word / WPS format) cannot be read`, hint: 'open it in Word or WPS and save it as .docx, or as plain text (.txt)' });
  }
  return 'text';
}

/** The extension decides, except where the first bytes say otherwise (a .docx renamed .txt). */
function sniff(file: string, bytes: Uint8Array): InputKind {
  const starts = (...sig: number[]) => sig.every((x, i) => bytes[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46)) {
    throw new UserError({ file, message: 'this is a PDF; import reads the text copied out of one, not the PDF itself', hint: 'open the PDF, select all (Ctrl+A), copy, paste into Notepad and save as .txt; then import that' });
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new UserError({ file, message: 'this is an old-style Word file (.doc), which cannot be read', hint: 'open it in Word or WPS and save it as .docx, or as plain text (.txt)' });
  }
  const zip = starts(0x50, 0x4b, 0x03, 0x04);
  if (zip && extname(file).toLowerCase() !== '.docx') return 'docx';
  if (!zip && extname(file).toLowerCase() === '.docx') {
    throw new UserError({ file, message: 'this is not a Word .docx file (it does not start like one)', hint: 'if it holds plain text, rename it to .txt; otherwise open it in Word and save it as .docx' });
  }
  return kindOf(file);
}

const IMPORT_TEXT: InputKindWords = { noun: 'a text to import', is: 'text (.txt) or Word (.docx)', text: 'text (.txt, UTF-8 or GBK) or Word (.docx)' };

/** A Word file may hold pictures, so more than a text; what it unpacks to is checked in read-docx.ts. */
const MAX_DOCX_BYTES = 100 * 1024 * 1024;

export async function importFile(file: string): Promise<Imported> {
  const bytes = readCapped(file);
  return importBytes(file, bytes, sniff(file, bytes));
}

/** The file's bytes; one over its size limit is refused before it is read. */
function readCapped(file: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    const zip = head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const limit = zip ? MAX_DOCX_BYTES : MAX_INPUT_BYTES;
    if (st.size > limit) {
      const words = zip ? { ...IMPORT_TEXT, noun: 'a Word file to import' } : IMPORT_TEXT;
      throw new UserError({ file, message: tooBigMessage(st.size, words, limit) });
    }
    const buf = Buffer.alloc(st.size);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, n)) > 0; ) n += r;
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UserError({ file, message: `cannot read the file: ${why}` });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function importBytes(file: string, bytes: Uint8Array, kind: InputKind): Promise<Imported> {
  const notes: ImportNote[] = [];
  let blocks: Block[];
  if (kind === 'docx') {
    // mammoth (and its zip and XML readers) load only for Word files.
    const { docxBlocks, DocxError } = await import('./read-docx.js');
    try {
      const r = await docxBlocks(bytes);
      blocks = r.blocks;
      for (const m of r.messages) notes.push({ at: 0, level: 'warning', message: `Word reader: ${m}` });
    } catch (e) {
      if (e instanceof DocxError) throw new UserError({ file, message: e.message, hint: e.kind === 'limit' ? undefined : 'is it really a .docx? Open it in Word and save it again' });
      throw e;
    }
  } else {
    try {
      const d = decodeInput(bytes, IMPORT_TEXT);
      blocks = textBlocks(d.text);
      for (const n of d.notices) notes.push({ at: 0, level: 'note', message: n });
    } catch (e) {
      if (e instanceof DecodeError) throw new UserError({ file, line: e.line, col: e.col, message: e.message });
      throw e;
    }
  }
  const place: PlaceWord = kind === 'docx' ? 'paragraph' : 'line';
  if (!blocks.length) throw new UserError({ file, message: 'the file holds no text' });
  let parsed: ReturnType<typeof parseBlocks>;
  try {
    parsed = parseBlocks(blocks, file, place);
  } catch (e) {
    // Text read as GBK or Big5 that makes no issue: how it was read may be why.
    const readAs = notes.filter((n) => n.level === 'note').map((n) => ({ file, message: `notice: ${n.message}` }));
    if (e instanceof UserError && readAs.length) throw new UserError([...e.problems, ...readAs]);
    throw e;
  }
  notes.push(...parsed.notes);
  const checked = issueSchema.safeParse(parsed.issue);
  if (!checked.success) {
    throw new UserError(
      checked.error.issues.map((i) => ({ file, field: i.path.join('.'), message: `the imported issue is not valid: ${i.message}`, hint: 'fix the input text and import again' })),
    );
  }
  const header = `# Imported from ${file} by yanjin-bulletin import; check the warnings it printed.\n`;
  let yaml = issueToYaml(checked.data, { header: [header.slice(2, -1)] });
  // The YAML must read back as the very issue we built. Text the hand layout cannot carry
  // (control characters in a literal block, say) falls back to the yaml library's own quoting.
  if (!readsBackAs(yaml, checked.data)) yaml = header + stringify(checked.data, { lineWidth: 0 });
  if (!readsBackAs(yaml, checked.data)) throw new Error('the written YAML does not read back as the imported issue');
  notes.sort((a, b) => a.at - b.at);
  return { issue: checked.data, yaml, notes, place };
}

function readsBackAs(yaml: string, issue: Issue): boolean {
  try {
    return isDeepStrictEqual(issueSchema.parse(parse(yaml)), issue);
  } catch {
    return false;
  }
}
