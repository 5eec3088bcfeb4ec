// pdfkit, loaded from node_modules the first time a PDF is written (a command that writes
// none never loads it), and the part of its public API this program uses (pdfkit ships
// no types).
import { createRequire } from 'node:module';

export interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

/** A structure element (doc.struct). */
export interface PdfStruct {
  add(child: PdfStruct | PdfMarkedContent): PdfStruct;
  end(): void;
}

/** Marked content that belongs to a structure element (doc.markStructureContent). */
export type PdfMarkedContent = { readonly refs: unknown[] };

export interface PdfOutline {
  addItem(title: string, options?: { pageNumber?: number; top?: number; left?: number; zoom?: number; expanded?: boolean }): PdfOutline;
}

export interface PdfDocumentOptions {
  autoFirstPage: false;
  pdfVersion: '1.7';
  /** null: no standard font is loaded (every face here is embedded). */
  font: null;
  tagged: true;
  lang: string;
  displayTitle: true;
  subset?: 'PDF/A-2b';
  info: Record<string, string | Date>;
}

export interface PdfDocument {
  page: { fonts: Record<string, unknown>; height: number };
  outline: PdfOutline;
  addPage(options: { size: [number, number]; margin: 0 }): PdfDocument;
  font(src: unknown): PdfDocument;
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): PdfDocument;
  appendXML(xml: string, newline?: boolean): void;
  save(): PdfDocument;
  restore(): PdfDocument;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): PdfDocument;
  fillColor(color: number[]): PdfDocument;
  strokeColor(color: number[]): PdfDocument;
  lineWidth(w: number): PdfDocument;
  moveTo(x: number, y: number): PdfDocument;
  lineTo(x: number, y: number): PdfDocument;
  stroke(): PdfDocument;
  struct(type: string): PdfStruct;
  addStructure(el: PdfStruct): PdfDocument;
  markContent(tag: string, options?: { type?: string }): PdfDocument;
  markStructureContent(tag: string): PdfMarkedContent;
  endMarkedContent(): PdfDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): PdfDocument;
  on(event: 'end', listener: () => void): PdfDocument;
  on(event: 'error', listener: (e: Error) => void): PdfDocument;
  end(): void;
}

type PdfDocumentClass = new (options: PdfDocumentOptions) => PdfDocument;
let PDFDocument: PdfDocumentClass | undefined;

/** Load pdfkit now (a build calls this while its face files are read from disk). */
export function loadPdfWriter(): PdfDocumentClass {
  return (PDFDocument ??= createRequire(import.meta.url)('pdfkit') as PdfDocumentClass);
}

export function newDocument(options: PdfDocumentOptions): PdfDocument {
  return new (loadPdfWriter())(options);
}

/** The document's bytes, once it has ended (pdfkit writes them as a stream). */
export function documentBytes(doc: PdfDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
