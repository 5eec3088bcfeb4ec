// Open a font file, or one member of a .ttc/.otc collection, as an SfntFace.
import { fontOffsets, readDirectory, type Directory } from './directory.js';
import { Face, readTable, type SfntFace } from './face.js';
import { FileReader } from './file-reader.js';
import { parseNames } from './names.js';
import { SfntError } from './sfnt-error.js';

/**
 * `member`: the PostScript name of a member of a .ttc/.otc, or a function that picks one
 * from the names the file holds (called for a single font too, with its one name); without
 * it, a collection's first font.
 */
export function openSfnt(file: string, member?: string | ((names: string[]) => string)): SfntFace {
  const r = new FileReader(file);
  try {
    const offsets = fontOffsets(r);
    let dir: Directory;
    if (offsets.length > 1 || member !== undefined) {
      const dirs = offsets.map((at) => readDirectory(r, at));
      if (member === undefined) dir = dirs[0];
      else {
        const names = dirs.map((d) => parseNames(readTable(r, d, 'name')).postscriptName);
        if (typeof member === 'function') member = member(names);
        const i = names.indexOf(member);
        if (i < 0) {
          const what = offsets.length > 1 ? `the collection ${file} has no member "${member}"` : `${file} is not a collection and its PostScript name is not "${member}"`;
          throw new SfntError(`${what}; it holds: ${names.map((n) => n || '(unnamed)').join(', ')}`);
        }
        dir = dirs[i];
      }
    } else dir = readDirectory(r, offsets[0]);
    return new Face(r, dir);
  } catch (e) {
    r.close();
    throw e;
  }
}

/** The PostScript names of the fonts in a file: one for a single font, each member's for a .ttc/.otc. */
export function sfntMembers(file: string): string[] {
  const r = new FileReader(file);
  try {
    return fontOffsets(r).map((at) => parseNames(readTable(r, readDirectory(r, at), 'name')).postscriptName);
  } finally {
    r.close();
  }
}
