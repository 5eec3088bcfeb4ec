// The names of the faces in a font file, read from its name and OS/2 tables only, so a
// folder of large CJK collections is indexed without loading any outlines.
import { fontOffsets, readDirectory } from './sfnt/directory.js';
import { FileReader } from './sfnt/file-reader.js';
import { nameRecords } from './sfnt/names.js';

export interface FaceInfo {
  file: string;
  /** PostScript name of the member, set for members of a .ttc/.otc collection. */
  member?: string;
  postscript: string;
  /** Family names in every language the face gives (name IDs 1 and 16). */
  families: string[];
  /** Style names in every language (name IDs 2 and 17), e.g. Regular, Bold, 常规. */
  styles: string[];
  /** Full names (name ID 4). */
  fullNames: string[];
  weight: number;
  italic: boolean;
}

const MAX_NAME_TABLE = 1 << 20;
const MAX_MEMBERS = 256;
const WANTED = new Set([1, 2, 4, 6, 16, 17]);

/** The faces of one font file; [] for a file that is not a font. */
export function readFaceInfos(file: string): FaceInfo[] {
  let r: FileReader;
  try {
    r = new FileReader(file);
  } catch {
    return [];
  }
  try {
    const collection = r.read(0, 4).toString('latin1') === 'ttcf';
    const out: FaceInfo[] = [];
    for (const at of fontOffsets(r).slice(0, MAX_MEMBERS)) {
      const f = readFace(r, at);
      if (f) out.push(collection ? { ...f, member: f.postscript } : f);
    }
    return out;
  } catch {
    return [];
  } finally {
    r.close();
  }
}

function readFace(r: FileReader, at: number): FaceInfo | undefined {
  const tables = readDirectory(r, at);
  const name = tables.get('name');
  if (!name || name.length > MAX_NAME_TABLE) return undefined;
  // name ID → its strings in every language and encoding the table holds.
  const names = new Map<number, string[]>();
  for (const rec of nameRecords(r.read(name.offset, name.length), WANTED)) {
    const list = names.get(rec.id) ?? [];
    if (!list.includes(rec.text)) list.push(rec.text);
    names.set(rec.id, list);
  }
  let weight = 400;
  let italic = false;
  const os2 = tables.get('OS/2');
  if (os2 && os2.length >= 64) {
    const t = r.read(os2.offset, 64);
    weight = t.readUInt16BE(4);
    italic = (t.readUInt16BE(62) & 1) === 1;
  }
  const postscript = names.get(6)?.[0] ?? names.get(4)?.[0]?.replace(/\s+/g, '') ?? '';
  const families = [...new Set([...(names.get(16) ?? []), ...(names.get(1) ?? [])])];
  if (!families.length && !postscript) return undefined;
  return {
    file: r.file,
    postscript,
    families,
    styles: [...new Set([...(names.get(17) ?? []), ...(names.get(2) ?? [])])],
    fullNames: names.get(4) ?? [],
    weight,
    italic,
  };
}
