// Page previews: each page of the finished PDF as a PNG beside it (issue38.pdf →
// issue38-1.png, …), drawn by pdfjs-dist on @napi-rs/canvas — npm packages only.
// Each PNG carries a mark naming its PDF, so that a file by that name which the user made
// (photo-2.png beside photo.yaml) is neither overwritten nor removed as a stale preview.
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { crc32 } from 'node:zlib';
import { UserError } from '../errors.js';
import { writeAtomic } from './atomic.js';
import { outputTarget } from './output-target.js';

const DEFAULT_PREVIEW_DPI = 96;

function previewPath(pdfPath: string, page: number): string {
  return pdfPath.replace(/\.pdf$/i, '') + `-${page}.png`;
}

interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Buffer;
}

/** Render every page at `dpi` and write the PNGs; returns their paths. */
export async function writePreviews(pdf: Uint8Array, pdfPath: string, dpi = DEFAULT_PREVIEW_DPI): Promise<string[]> {
  // A PDF sent into a device or a pipe (-o /dev/null) has no folder of its own to put them in.
  if (outputTarget(pdfPath).how === 'stream') {
    throw new UserError({ file: pdfPath, message: 'cannot write the previews: they go beside the PDF, and this is not a file in a folder', hint: 'name a PDF file with -o' });
  }
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
      if (existsSync(path) && !isPreviewOf(path, pdfPath)) {
        throw new UserError({ file: path, message: 'cannot write the preview: a file by that name is already there and is not a preview of this PDF; it was left as it is', hint: 'move that file, or name the PDF otherwise with -o' });
      }
      writeAtomic(path, markPreview(canvas.toBuffer('image/png'), pdfPath), { what: 'the preview' });
      out.push(path);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  // Previews of pages the issue no longer has would mislead: remove them (ours only).
  for (let i = out.length + 1; existsSync(previewPath(pdfPath, i)); i++) {
    if (isPreviewOf(previewPath(pdfPath, i), pdfPath)) rmSync(previewPath(pdfPath, i));
  }
  return out;
}

/** The text of the mark: which PDF the PNG previews. */
function markText(pdfPath: string): Buffer {
  return Buffer.from(`yanjin-bulletin\0preview of ${encodeURIComponent(basename(pdfPath))}`, 'latin1');
}

/** The PNG with a tEXt chunk (keyword "yanjin-bulletin") right after its header chunk. */
export function markPreview(png: Buffer, pdfPath: string): Buffer {
  const body = Buffer.concat([Buffer.from('tEXt', 'latin1'), markText(pdfPath)]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  const afterHeader = 8 + 8 + png.readUInt32BE(8) + 4; // signature, IHDR length+type, data, CRC
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

/** Whether the file at `path` is a preview this program wrote for `pdfPath`. */
export function isPreviewOf(path: string, pdfPath: string): boolean {
  const head = Buffer.alloc(512);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return head.subarray(0, n).includes(Buffer.concat([Buffer.from('tEXt', 'latin1'), markText(pdfPath)]));
}
