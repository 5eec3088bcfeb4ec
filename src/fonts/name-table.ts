// The names of the faces in a font file (its name and OS/2 tables, read with fontkit), so
// that a style can name a face by family, style or PostScript name.
import { readFileSync, statSync } from 'node:fs';
import type { Font } from 'fontkit';
import { loadFontkit } from './fontkit.js';

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

/** Larger files are no fonts an office would name (and would cost a build their reading). */
const MAX_FONT_FILE = 256 << 20;
const MAX_MEMBERS = 256;

type NameRecords = Record<string, Record<string, string> | undefined>;

/** The faces of one font file; [] for a file that is not a font. */
export function readFaceInfos(file: string): FaceInfo[] {
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_FONT_FILE) return [];
    const all = loadFontkit().create(readFileSync(file));
    if (!all) return [];
    if (!('fonts' in all)) return faceInfo(all, file, undefined);
    return all.fonts.slice(0, MAX_MEMBERS).flatMap((f) => faceInfo(f, file, f.postscriptName));
  } catch {
    return [];
  }
}

/**
 * Older Chinese faces store names in GBK (Windows encoding 3) as 16-bit units, an ASCII
 * letter alone in its unit: fontkit's decoder leaves a NUL before each such letter.
 */
// eslint-disable-next-line no-control-regex
const clean = (name: string) => name.replace(/\u0000/g, '');

/** A name in every language the face gives it (fontkit's record keys: fontFamily, fullName …). */
function namesOf(font: Font): (key: string) => string[] {
  const recs = ((font as Font & { name?: { records?: NameRecords } }).name?.records ?? {}) as NameRecords;
  return (key) => [...new Set(Object.values(recs[key] ?? {}).filter((s): s is string => typeof s === 'string').map(clean).filter(Boolean))];
}

/** Family names, typographic (name ID 16) then legacy (ID 1), in every language. */
export function familyNames(font: Font): string[] {
  const all = namesOf(font);
  return [...new Set([...all('preferredFamily'), ...all('fontFamily')])];
}

function faceInfo(font: Font, file: string, member: string | undefined): FaceInfo[] {
  try {
    const all = namesOf(font);
    const postscript = font.postscriptName || all('fullName')[0]?.replace(/\s+/g, '') || '';
    const families = familyNames(font);
    if (!families.length && !postscript) return [];
    const os2 = font['OS/2'] as { usWeightClass?: number; fsSelection?: { italic?: boolean } } | undefined;
    return [
      {
        file,
        ...(member ? { member } : {}),
        postscript,
        families,
        styles: [...new Set([...all('preferredSubfamily'), ...all('fontSubfamily')])],
        fullNames: all('fullName'),
        weight: os2?.usWeightClass ?? 400,
        italic: os2?.fsSelection?.italic ?? false,
      },
    ];
  } catch {
    return [];
  }
}
