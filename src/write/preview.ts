// Page previews: each page of the finished PDF as a PNG beside it (issue38.pdf →
// issue38-1.png, …), drawn by pdfjs-dist on @napi-rs/canvas — npm packages only.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

export const DEFAULT_PREVIEW_DPI = 96;

export function previewPath(pdfPath: string, page: number): string {
  return pdfPath.replace(/\.pdf$/i, '') + `-${page}.png`;
}

interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Buffer;
}

/** Render every page at `dpi` and write the PNGs; returns their paths. */
export async function writePreviews(pdf: Uint8Array, pdfPath: string, dpi = DEFAULT_PREVIEW_DPI): Promise<string[]> {
  // Loaded only when previews are asked for: pdfjs is large and the canvas is native code.
  let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    await import('@napi-rs/canvas');
  } catch (e) {
    throw new UserError({ file: pdfPath, message: `cannot draw page previews: ${(e as Error).message}`, hint: 'previews need the npm packages pdfjs-dist and @napi-rs/canvas (npm ci installs them)' });
  }
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const out: string[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: NodeCanvas; context: CanvasRenderingContext2D } };
      const { canvas, context } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
      await page.render({ canvas: canvas as never, canvasContext: context, viewport }).promise;
      const path = previewPath(pdfPath, i);
      writeFile(path, canvas.toBuffer('image/png'));
      out.push(path);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  // Previews of pages the issue no longer has would mislead: remove them.
  for (let i = out.length + 1; existsSync(previewPath(pdfPath, i)); i++) rmSync(previewPath(pdfPath, i));
  return out;
}

function writeFile(path: string, data: Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError({ file: path, message: `cannot write the preview: ${(e as Error).message}` });
  }
}
