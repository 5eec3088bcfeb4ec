// The text-showing operations of a PDF's page contents, each with the face (BaseFont
// without its subset tag), the text render mode and the line width in force: what a
// reader needs to tell stroked (fake bold) text from plain.
import { inflateSync } from 'node:zlib';

export interface Show {
  font: string;
  mode: number;
  lineWidth: number;
}

export function textShows(pdf: Buffer): Show[] {
  const raw = pdf.toString('latin1');
  const baseFont = new Map<string, string>();
  for (const m of raw.matchAll(/\n(\d+) 0 obj\s*<<\s*\/Type \/Font\s+\/Subtype \/Type0\s+\/BaseFont \/[A-Z]{6}\+(\S+)/g)) baseFont.set(m[1], m[2]);
  const resName = new Map<string, string>();
  for (const m of raw.matchAll(/\/Font <<([^>]*)>>/g)) for (const r of m[1].matchAll(/\/(\w+) (\d+) 0 R/g)) resName.set(r[1], baseFont.get(r[2]) ?? '?');
  const shows: Show[] = [];
  for (const m of raw.matchAll(/<<\s*\/Length (\d+)\s+\/Filter \/FlateDecode\s*>>\s*stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1');
    } catch {
      continue;
    }
    if (!/\bBT\b/.test(text)) continue;
    let font = '';
    let mode = 0;
    let lineWidth = 1;
    const stack: Array<[number, number]> = [];
    const ops = text.split('\n');
    for (const op of ops) {
      let x: RegExpExecArray | null;
      if (op === 'q') stack.push([mode, lineWidth]);
      else if (op === 'Q') [mode, lineWidth] = stack.pop() ?? [0, 1];
      if ((x = /^\/(\w+) [\d.]+ Tf$/.exec(op))) font = resName.get(x[1]) ?? x[1];
      if ((x = /(?:^| )(\d) Tr\b/.exec(op))) mode = Number(x[1]);
      if ((x = /(?:^| )([\d.]+) w$/.exec(op))) lineWidth = Number(x[1]);
      if (/\] TJ$|\) Tj$|> Tj$/.test(op)) shows.push({ font, mode, lineWidth });
    }
  }
  return shows;
}
