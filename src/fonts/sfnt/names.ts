// Names from the 'name' table: the PostScript name and the family names in every language.

export interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  id: number;
  text: string;
}

export interface FaceNames {
  postscriptName: string;
  familyNames: string[];
}

export function parseNames(t: Buffer | undefined): FaceNames {
  if (!t || t.length < 6) return { postscriptName: '', familyNames: [] };
  const recs = nameRecords(t, WANTED);
  const ps =
    recs.find((r) => r.id === 6 && isWindowsUnicode(r) && r.language === 0x409) ??
    recs.find((r) => r.id === 6 && isWindowsUnicode(r)) ??
    recs.find((r) => r.id === 6 && r.platform === 1 && r.encoding === 0) ??
    recs.find((r) => r.id === 6);
  const fams = [...recs.filter((r) => r.id === 16), ...recs.filter((r) => r.id === 1)];
  const english = fams.find(isEnglish);
  const familyNames = [...new Set([...(english ? [english.text] : []), ...fams.map((r) => r.text)])];
  return { postscriptName: ps?.text ?? '', familyNames };
}

const isWindowsUnicode = (r: NameRecord) => r.platform === 3 && (r.encoding === 1 || r.encoding === 10);
const isEnglish = (r: NameRecord) => (r.platform === 3 && (r.language & 0x3ff) === 0x09) || (r.platform === 1 && r.language === 0);

const WANTED = new Set([1, 6, 16]);

/** The records of a 'name' table with one of `ids`, decoded (those in encodings it cannot read are left out). */
export function nameRecords(t: Buffer, ids: ReadonlySet<number>): NameRecord[] {
  if (t.length < 6) return [];
  const count = t.readUInt16BE(2);
  const strings = t.readUInt16BE(4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    if (r + 12 > t.length) break;
    const id = t.readUInt16BE(r + 6);
    if (!ids.has(id)) continue;
    const platform = t.readUInt16BE(r);
    const encoding = t.readUInt16BE(r + 2);
    const len = t.readUInt16BE(r + 8);
    const off = strings + t.readUInt16BE(r + 10);
    if (off + len > t.length) continue;
    const text = decode(t.subarray(off, off + len), platform, encoding)?.replace(/\0/g, '').trim();
    if (text) out.push({ platform, encoding, language: t.readUInt16BE(r + 4), id, text });
  }
  return out;
}

function decode(b: Buffer, platform: number, encoding: number): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) return utf16be(b);
  // Older Chinese faces keep names in GBK: as 16-bit units on Windows (encoding 3), as bytes on the Mac (25).
  if (platform === 3 && encoding === 3) {
    const bytes: number[] = [];
    for (let i = 0; i + 1 < b.length; i += 2) {
      const u = b.readUInt16BE(i);
      if (u > 0xff) bytes.push(u >> 8);
      bytes.push(u & 0xff);
    }
    return gbk(Uint8Array.from(bytes));
  }
  if (platform === 1 && encoding === 25) return gbk(b);
  if (platform === 1 && encoding === 0) return macRoman(b);
  return undefined;
}

function utf16be(b: Buffer): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
  return s;
}

function gbk(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder('gbk').decode(b);
  } catch {
    return undefined; // a Node built without full ICU
  }
}

// Mac OS Roman, bytes 0x80–0xFF.
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

function macRoman(b: Buffer): string {
  let s = '';
  for (const c of b) s += c < 0x80 ? String.fromCharCode(c) : MAC_ROMAN_HIGH[c - 0x80];
  return s;
}
