// Read a PDF back the way a reader's tool does (pdfjs-dist): text with positions,
// fonts, page sizes, document info and outline.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Glyph {
  str: string;
  /** Left edge, pt from the page's left. */
  x: number;
  /** Baseline, pt from the page's top. */
  y: number;
  width: number;
  fontName: string;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: Glyph[];
  /** Text lines: items grouped by baseline, left to right. */
  lines: { y: number; text: string; x0: number; x1: number; items: Glyph[] }[];
  text: string;
}

export interface PdfRead {
  pages: PdfPage[];
  info: Record<string, unknown>;
  /** Top-level bookmarks, each with the titles of the bookmarks below it. */
  outline: { title: string; children: string[] }[];
  fontNames: string[];
  text: string;
}

export async function readPdf(data: Uint8Array): Promise<PdfRead> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: PdfPage[] = [];
  const fontNames = new Set<string>();
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale: 1 });
    const tc = await page.getTextContent({ disableNormalization: true } as never);
    const items: Glyph[] = [];
    for (const it of tc.items as Array<{ str: string; transform: number[]; width: number; fontName: string }>) {
      if (!it.str) continue;
      const styles = (tc.styles as Record<string, { fontFamily: string }>)[it.fontName];
      fontNames.add(it.fontName + ':' + (styles?.fontFamily ?? ''));
      items.push({ str: it.str, x: it.transform[4], y: vp.height - it.transform[5], width: it.width, fontName: it.fontName, size: Math.hypot(it.transform[2], it.transform[3]) });
    }
    const lines: PdfPage['lines'] = [];
    for (const g of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
      const l = lines.find((l) => Math.abs(l.y - g.y) < 1);
      if (l) l.items.push(g);
      else lines.push({ y: g.y, text: '', x0: 0, x1: 0, items: [g] });
    }
    for (const l of lines) {
      l.items.sort((a, b) => a.x - b.x);
      l.text = l.items.map((g) => g.str).join('');
      l.x0 = l.items[0].x;
      l.x1 = Math.max(...l.items.map((g) => g.x + g.width));
    }
    pages.push({ width: vp.width, height: vp.height, items, lines, text: lines.map((l) => l.text).join('\n') });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []).map((o: { title: string; items?: { title: string }[] }) => ({ title: o.title, children: (o.items ?? []).map((i) => i.title) }));
  const out = { pages, info: (meta.info ?? {}) as Record<string, unknown>, outline, fontNames: [...fontNames], text: pages.map((p) => p.text).join('\n') };
  await doc.destroy();
  return out;
}

/** Text with all whitespace removed: what "copying gives back the characters typed" compares. */
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
