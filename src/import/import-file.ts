// One back issue (text or Word) → a checked issue and its YAML text.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { UserError } from '../errors.js';
import { decodeInput, DecodeError } from '../load/decode.js';
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

export async function importFile(file: string): Promise<Imported> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UserError({ file, message: `cannot read the file: ${why}` });
  }
  return importBytes(file, bytes, sniff(file, bytes));
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
      if (e instanceof DocxError) throw new UserError({ file, message: e.message, hint: 'is it really a .docx? Open it in Word and save it again' });
      throw e;
    }
  } else {
    try {
      const d = decodeInput(bytes);
      blocks = textBlocks(d.text);
      for (const n of d.notices) notes.push({ at: 0, level: 'note', message: n });
    } catch (e) {
      if (e instanceof DecodeError) {
        const message = e.message.replace(/, not an issue file; an issue file is YAML text \(\.yaml\)$/, '; import reads text (.txt) or Word (.docx)').replace(/; an issue file is YAML text, UTF-8 or GBK$/, '; import reads text (.txt, UTF-8 or GBK) or Word (.docx)');
        throw new UserError({ file, line: e.line, col: e.col, message });
      }
      throw e;
    }
  }
  const place: PlaceWord = kind === 'docx' ? 'paragraph' : 'line';
  if (!blocks.length) throw new UserError({ file, message: 'the file holds no text' });
  const parsed = parseBlocks(blocks, file, place);
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
