// What each PDF was built from, kept beside the PDFs (one record a folder of outputs):
// the hash of its inputs and the hash of the PDF itself. A PDF is up to date when both
// still hold, whatever the file times say (a CI job restores a cached pdf/ folder after
// a fresh checkout: every file is new, and unchanged issues are still skipped). Keeping
// the PDF's own hash makes an interrupted run harmless: a PDF rewritten after the record
// was last saved no longer matches it, and is built again.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { sha256 } from '../hash.js';
import { walk } from './inputs.js';
import { isPreviewOf } from '../write/preview.js';

/** The record's file; each part of a sharded build (--shard K/N) keeps its own, so their folders merge without loss. */
export function recordName(shard?: { k: number; n: number }): string {
  return `.yanjin-bulletin-record${shard ? `-${shard.k}-of-${shard.n}` : ''}.json`;
}
const RECORD_FILE = /^\.yanjin-bulletin-record(?:-\d+-of-\d+)?\.json$/;

export interface RecordEntry {
  /** The issue file, relative to the record's folder (with `/`). */
  input: string;
  /** Hash of everything the PDF is made from (see input-key.ts). */
  key: string;
  /** Hash of the PDF as written. */
  pdf: string;
}

type Record_ = Record<string, RecordEntry>;


function readOne(folder: string, name: string): Record_ {
  try {
    const r = JSON.parse(readFileSync(join(folder, name), 'utf8')) as { outputs?: Record_ };
    return r.outputs && typeof r.outputs === 'object' ? r.outputs : {};
  } catch {
    return {};
  }
}

function recordFiles(folder: string): string[] {
  try {
    return readdirSync(folder).filter((n) => RECORD_FILE.test(n)).sort();
  } catch {
    return [];
  }
}

/** Every record of the folder, merged (the PDF's own hash tells a stale entry). */
function readRecord(folder: string): Record_ {
  return Object.assign({}, ...recordFiles(folder).map((n) => readOne(folder, n))) as Record_;
}

/** Look up what each PDF was built from, reading each folder's record once. */
export function recordReader(): (out: string) => RecordEntry | undefined {
  const folders = new Map<string, Record_>();
  return (out) => {
    const folder = dirname(resolve(out));
    if (!folders.has(folder)) folders.set(folder, readRecord(folder));
    return folders.get(folder)![basename(out)];
  };
}

/** Every folder below `dir` that holds a record (for orphans in a whole --out-dir). */
export function recordFolders(dir: string): string[] {
  return [...new Set(walk(dir, true).filter((f) => RECORD_FILE.test(basename(f))).map(dirname))];
}

/** Whether the PDF at `out` is the one the entry records. */
export function pdfMatches(out: string, entry: RecordEntry): boolean {
  try {
    return sha256(readFileSync(out)) === entry.pdf;
  } catch {
    return false;
  }
}

/** The entry for a PDF just written (or found up to date) from `input`. */
export function entryFor(out: string, input: string, key: string, pdfHash: string): RecordEntry {
  return { input: relative(dirname(resolve(out)), resolve(input)).split(sep).join('/'), key, pdf: pdfHash };
}

/** Save new entries, folder by folder, keeping the others. A folder that cannot be written is left: the next run rebuilds. */
export function saveEntries(entries: Array<{ out: string; entry: RecordEntry }>, name = recordName()): void {
  const byFolder = new Map<string, Array<{ name: string; entry: RecordEntry }>>();
  for (const { out, entry } of entries) {
    const folder = dirname(resolve(out));
    if (!byFolder.has(folder)) byFolder.set(folder, []);
    byFolder.get(folder)!.push({ name: basename(out), entry });
  }
  for (const [folder, list] of byFolder) {
    const rec = readOne(folder, name);
    for (const { name: pdf, entry } of list) rec[pdf] = entry;
    writeRecord(folder, name, rec);
  }
}

function writeRecord(folder: string, name: string, rec: Record_): void {
  try {
    mkdirSync(folder, { recursive: true });
    const sorted = Object.fromEntries(Object.entries(rec).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(join(folder, name), JSON.stringify({ outputs: sorted }, null, 1) + '\n');
  } catch {
    /* a read-only folder */
  }
}

/** A PDF of the record whose issue file is gone. */
export interface Orphan {
  pdf: string;
  input: string;
  /** Still the PDF the record names (its hash): only such a one is ours to remove. */
  recorded: boolean;
}

const OWN_PDF = /^[^/\\]+\.pdf$/i;

/** PDFs recorded in these folders whose issue file no longer exists. */
export function findOrphans(folders: string[]): Orphan[] {
  const out: Orphan[] = [];
  for (const folder of [...new Set(folders.map((f) => resolve(f)))]) {
    for (const [name, e] of Object.entries(readRecord(folder))) {
      // Only a PDF of this folder: a damaged or edited record names nothing else to remove.
      if (!OWN_PDF.test(name) || typeof e?.input !== 'string') continue;
      const input = resolve(folder, e.input);
      if (!existsSync(input) && existsSync(join(folder, name))) out.push({ pdf: join(folder, name), input, recorded: pdfMatches(join(folder, name), e) });
    }
  }
  return out;
}

/**
 * Remove orphaned PDFs (with their page previews) and their entries. A PDF that is not
 * the one recorded (a file of the user's put in its place) is left, with its entry.
 */
export function pruneOrphans(orphans: Orphan[]): void {
  const byFolder = new Map<string, Orphan[]>();
  for (const o of orphans.filter((x) => x.recorded)) byFolder.set(dirname(o.pdf), [...(byFolder.get(dirname(o.pdf)) ?? []), o]);
  for (const [folder, list] of byFolder) {
    for (const o of list) {
      rmSync(o.pdf, { force: true });
      const stem = basename(o.pdf).replace(/\.pdf$/i, '');
      // Its previews only: a PNG of the user's by such a name stays.
      for (let page = 1; existsSync(join(folder, `${stem}-${page}.png`)); page++) {
        if (isPreviewOf(join(folder, `${stem}-${page}.png`), o.pdf)) rmSync(join(folder, `${stem}-${page}.png`), { force: true });
      }
    }
    for (const name of recordFiles(folder)) {
      const rec = readOne(folder, name);
      for (const o of list) delete rec[basename(o.pdf)];
      writeRecord(folder, name, rec);
    }
  }
}
