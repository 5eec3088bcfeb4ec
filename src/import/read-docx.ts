// A Word file (.docx) → blocks: one a non-empty paragraph, with the bold run that opens it.
// mammoth parses the file; we read its document tree (not its HTML) to keep bold runs exact.
import mammoth from 'mammoth';
import type { Block } from './types.js';
import { checkDocxLimits, DocxLimitError } from './docx-limits.js';

interface El {
  type: string;
  children?: El[];
  value?: string;
  isBold?: boolean;
  styleName?: string | null;
  styleId?: string | null;
  breakType?: string;
}

interface Run {
  text: string;
  bold: boolean;
}

export class DocxError extends Error {
  constructor(
    message: string,
    /** 'limit': a readable file past a cap, as opposed to a damaged one. */
    readonly kind: 'damaged' | 'limit' = 'damaged',
  ) {
    super(message);
  }
}

export async function docxBlocks(bytes: Uint8Array): Promise<{ blocks: Block[]; messages: string[] }> {
  let doc: El | undefined;
  let messages: string[] = [];
  try {
    await checkDocxLimits(bytes);
  } catch (e) {
    if (e instanceof DocxLimitError) throw new DocxError(e.message, 'limit');
    throw new DocxError(`cannot read this Word file: ${(e as Error).message}`);
  }
  try {
    const r = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (d: El) => {
          doc = d;
          return d;
        },
        // Only the text is wanted: pictures are never unpacked.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    messages = r.messages.filter((m) => m.type === 'error').map((m) => m.message);
  } catch (e) {
    throw new DocxError(`cannot read this Word file: ${(e as Error).message}`);
  }
  if (!doc) throw new DocxError('cannot read this Word file: no document body');
  const blocks: Block[] = [];
  let n = 0;
  for (const p of paragraphs(doc)) {
    // A line break inside a paragraph (Shift+Enter) separates lines the way Enter does in text.
    for (const line of splitAtBreaks(runsOf(p))) {
      n++;
      const block = toBlock(line, n, isHeadingStyle(p));
      if (block) blocks.push(block);
    }
  }
  return { blocks, messages };
}

/** Every paragraph, in reading order, including those inside tables and text boxes. */
function paragraphs(el: El): El[] {
  if (el.type === 'paragraph') return [el];
  return (el.children ?? []).flatMap(paragraphs);
}

function runsOf(p: El): (Run | 'break')[] {
  const out: (Run | 'break')[] = [];
  const walk = (el: El, bold: boolean) => {
    // Bold typed directly, or through a character style such as Strong (要点).
    if (el.type === 'run') bold = !!el.isBold || /strong|bold|要点|加粗/i.test(el.styleName ?? '');
    if (el.type === 'text') out.push({ text: el.value ?? '', bold });
    else if (el.type === 'tab') out.push({ text: '\t', bold });
    else if (el.type === 'break' && el.breakType === 'line') out.push('break');
    else for (const c of el.children ?? []) walk(c, bold);
  };
  walk(p, false);
  return out;
}

function splitAtBreaks(runs: (Run | 'break')[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const r of runs) {
    if (r === 'break') lines.push([]);
    else lines[lines.length - 1].push(r);
  }
  return lines;
}

function isHeadingStyle(p: El): boolean {
  // Heading 1…9 (标题 1…); not Title (标题), which dresses a masthead.
  const name = `${p.styleName ?? ''} ${p.styleId ?? ''}`;
  return /heading\s*\d|标题\s*\d/i.test(name);
}

function toBlock(runs: Run[], at: number, headingStyle: boolean): Block | undefined {
  const text = runs.map((r) => r.text).join('');
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const block: Block = { text: trimmed, at };
  if (headingStyle) block.headingStyle = true;
  // Whitespace does not count for boldness: a bold title followed by a plain space is a lead.
  const visible = runs.filter((r) => r.text.trim());
  if (visible.length && visible.every((r) => r.bold)) block.allBold = true;
  else if (visible[0]?.bold) {
    let lead = '';
    for (const r of runs) {
      if (!r.bold && r.text.trim()) break;
      lead += r.text;
    }
    if (lead.trim()) block.lead = lead.trim();
  }
  return block;
}
