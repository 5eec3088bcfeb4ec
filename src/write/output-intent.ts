// PDF/A's output intent for CMYK output: the ICC profile of the printing condition, which
// only the user (or the print shop) can name, so it comes from a file. (RGB output carries
// the sRGB profile pdfkit ships.)
import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { UserError } from '../errors.js';

export interface OutputProfile {
  data: Uint8Array;
  /** Colour components: 3 for RGB, 4 for CMYK. */
  n: 3 | 4;
  /** What the profile describes; the output intent's identifier and info. */
  name: string;
}

/** The description in a profile's `desc` tag (ICC v2 text or v4 multi-language), if any. */
function profileDescription(b: Buffer): string | undefined {
  const count = b.readUInt32BE(128);
  for (let i = 0; i < count && 132 + i * 12 + 12 <= b.length; i++) {
    const at = 132 + i * 12;
    if (b.toString('latin1', at, at + 4) !== 'desc') continue;
    const off = b.readUInt32BE(at + 4);
    const type = b.toString('latin1', off, off + 4);
    if (type === 'desc') {
      const len = b.readUInt32BE(off + 8);
      return b.toString('latin1', off + 12, off + 12 + len).replace(/\0.*$/s, '').trim() || undefined;
    }
    if (type === 'mluc' && b.readUInt32BE(off + 8) > 0) {
      const len = b.readUInt32BE(off + 20);
      const start = off + b.readUInt32BE(off + 24);
      return b.subarray(start, start + len).swap16().toString('utf16le').trim() || undefined;
    }
  }
  return undefined;
}

const MAX_PROFILE = 64 << 20;

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined; // readFileSync says what is wrong
  }
}

/** A CMYK output profile from a file, checked enough that PDF/A validators accept it. */
function readCmykProfile(path: string, field: string): OutputProfile {
  const bad = (message: string) =>
    new UserError({ file: path, field, message, hint: 'use the CMYK output profile of the printing condition (ask the print shop), e.g. an .icc file with device class "prtr"' });
  // A device or a pipe (/dev/zero) would be read for ever: a profile is a plain file of a few MB at most.
  const st = statOf(path);
  if (st && !st.isFile()) throw bad('cannot read the ICC profile: it is not a plain file');
  if (st && st.size > MAX_PROFILE) throw bad(`cannot read the ICC profile: at ${Math.round(st.size / 1048576)} MB it is larger than a profile may be (${MAX_PROFILE / 1048576} MB)`);
  let b: Buffer;
  try {
    b = readFileSync(path);
  } catch (e) {
    throw bad(`cannot read the ICC profile: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (b.length < 132 || b.toString('latin1', 36, 40) !== 'acsp') throw bad('not an ICC profile');
  const cls = b.toString('latin1', 12, 16);
  const space = b.toString('latin1', 16, 20);
  const major = b[8];
  if (space !== 'CMYK') throw bad(`the profile is for ${space.trim()} colour, not CMYK`);
  if (cls !== 'prtr') throw bad(`the profile is not an output (printer) profile (its class is "${cls}")`);
  if (major < 2 || major > 4) throw bad(`ICC version ${major} is not allowed in PDF/A-2 (2 to 4 are)`);
  return { data: b, n: 4, name: profileDescription(b) ?? basename(path).replace(/\.ic[cm]$/i, '') };
}

/**
 * The CMYK profile a PDF/A build in CMYK needs, or a refusal that says what to do.
 * `base` is the folder of the file that named the profile; `file` is reported.
 */
export function cmykOutputProfile(profile: string | undefined, base: string, file: string): OutputProfile {
  const field = 'style.color.cmykProfile';
  if (!profile) {
    throw new UserError({
      file,
      field,
      message: 'PDF/A in CMYK needs the ICC profile of the printing condition (its output intent); none is set',
      hint: "set style.color.cmykProfile to the print shop's CMYK profile (.icc), or build the PDF/A in RGB (without --color cmyk)",
    });
  }
  return readCmykProfile(isAbsolute(profile) ? profile : join(base, profile), field);
}
