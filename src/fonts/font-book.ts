// Faces per role with per-character fallback along each role's chain, and the shaping
// that turns a role's text into glyphs of those faces.
import { ROLES, type Role, type Style } from '../validate/style-schema.js';
import { DEFAULT_FACES, bundledFace } from './bundled.js';
import { FaceError, fileStamp, openFace, type Face } from './open-face.js';
import type { FaceLookup, Resolved } from './lookup.js';
import { resolveEntry } from './resolve-entry.js';
import type { RoleFace, ShapedGlyph, Shaper } from './shaped-glyph.js';

/** Where a character is set in a role: a face of its chain and the glyph, before any size. */
interface Found {
  face: RoleFace;
  glyphId: number;
}

/** The character a face sets for `cp`: a tab typed inside a line is set as a space (faces have no glyph of their own for it). */
const setAs = (cp: number) => (cp === 9 ? 0x20 : cp);

export class FontBook implements Shaper {
  readonly chains: Record<Role, RoleFace[]>;
  /** Per role, code point → where it is set (null: nowhere). */
  private readonly found = new Map<Role, Map<number, Found | null>>();
  /** Per role and size, code point → its glyph: a paragraph asks for the same few hundred again and again. */
  private readonly glyphs = new Map<string, Map<number, ShapedGlyph>>();

  /** Each face file's stamp when the book was made (see isCurrent). */
  private readonly stamps: Map<string, string>;

  constructor(chains: Record<Role, RoleFace[]>) {
    this.chains = chains;
    this.stamps = new Map(this.files().map((f) => [f, fileStamp(f)]));
  }

  /** Whether every face file is as it was when the book was made. */
  isCurrent(): boolean {
    return [...this.stamps].every(([file, stamp]) => fileStamp(file) === stamp);
  }

  /** The first face of the role's chain that has the character. */
  find(codePoint: number, role: Role): Found | null {
    let byCp = this.found.get(role);
    if (!byCp) this.found.set(role, (byCp = new Map()));
    let r = byCp.get(codePoint);
    if (r !== undefined) return r;
    r = null;
    for (const face of this.chains[role] ?? []) {
      const glyphId = face.face.glyphId(codePoint);
      if (glyphId) {
        r = { face, glyphId };
        break;
      }
    }
    byCp.set(codePoint, r);
    return r;
  }

  shape(text: string, role: Role, size: number): ShapedGlyph[] {
    const key = `${role} ${size}`;
    let memo = this.glyphs.get(key);
    if (!memo) this.glyphs.set(key, (memo = new Map()));
    const out: ShapedGlyph[] = [];
    for (const char of text) {
      if (char === '\n' || char === '\r') continue;
      const cp = char.codePointAt(0)!;
      let g = memo.get(cp);
      if (!g) {
        const f = this.find(setAs(cp), role);
        // The coverage check stops a build with a missing character before composition.
        if (!f) throw new Error(`no face of the ${role} role has "${char}" (U+${cp.toString(16).toUpperCase()})`);
        f.face.face.loadGlyphs([f.glyphId]);
        const advance = (f.face.face.advance(f.glyphId) / f.face.face.unitsPerEm) * size;
        memo.set(cp, (g = { char, face: f.face, glyphId: f.glyphId, size, advance }));
      }
      out.push(g);
    }
    return out;
  }

  inkX(glyph: ShapedGlyph): [number, number] | undefined {
    return this.ink(glyph, 'x');
  }

  inkY(glyph: ShapedGlyph): [number, number] | undefined {
    return this.ink(glyph, 'y');
  }

  /** The glyph's ink along one axis, in pt at its size. */
  private ink(glyph: ShapedGlyph, axis: 'x' | 'y'): [number, number] | undefined {
    const face = glyph.face.face;
    const ink = face.ink(glyph.glyphId, axis);
    if (!ink) return undefined;
    const s = glyph.size / face.unitsPerEm;
    return [ink[0] * s, ink[1] * s];
  }

  /**
   * Read the outlines of every glyph these texts will be set in, in one pass over each
   * face file (shape reads any still missing one glyph at a time).
   */
  loadGlyphs(texts: Array<{ text: string; role: Role }>): void {
    const byFace = new Map<Face, Set<number>>();
    for (const { text, role } of texts) {
      for (const ch of text) {
        const f = this.find(ch.codePointAt(0)!, role);
        if (!f) continue;
        let ids = byFace.get(f.face.face);
        if (!ids) byFace.set(f.face.face, (ids = new Set()));
        ids.add(f.glyphId);
      }
    }
    for (const [face, ids] of byFace) face.loadGlyphs(ids);
  }

  /** Characters of `text` that no face of `role` has. */
  missing(text: string, role: Role): string[] {
    const out = new Set<string>();
    for (const ch of text) {
      if (ch === '\n' || ch === '\r') continue;
      // A space is set by the face's own space glyph (its width).
      const cp = setAs(ch.codePointAt(0)!);
      if (!this.find(cp, role)) out.add(String.fromCodePoint(cp));
    }
    return [...out];
  }

  /** Every face file the chains use (what a PDF depends on). */
  files(): string[] {
    return [...new Set(Object.values(this.chains).flatMap((c) => c.map((f) => f.face.file)))];
  }
}

export interface BookOptions {
  /** The folder a path entry is relative to: that of the file that names it. */
  baseFor: (entry: string) => string;
  /** Names that are not bundled: the project's fonts/ folders and the system's. */
  lookup?: FaceLookup;
}

/**
 * Build the chains a style asks for: each role's entries (or its default), then
 * `fallback`.
 */
export async function openFontBook(style: Style, opts: BookOptions): Promise<FontBook> {
  const fallback = style.fonts.fallback ?? [];
  const entries = new Map(ROLES.map((role) => [role, [...(style.fonts[role] ?? [DEFAULT_FACES[role]]), ...fallback]]));
  const resolved = new Map<string, Resolved>();
  for (const entry of new Set([...entries.values()].flat())) {
    try {
      resolved.set(entry, resolveEntry(entry, opts.baseFor(entry), opts.lookup));
    } catch (e) {
      if (e instanceof FaceError && !e.entry) e.entry = entry;
      throw e;
    }
  }
  const chains = {} as Record<Role, RoleFace[]>;
  for (const role of ROLES) {
    const faces: RoleFace[] = [];
    for (const entry of entries.get(role)!) {
      const face = openEntry(entry, resolved.get(entry)!);
      // The bold weight first; the face itself, faked bold, sets what the bold weight lacks.
      const weights = style.bold[role] && !isBold(face.face) ? [boldOf(face, opts), { ...face, fakeBold: true }] : [face];
      for (const w of weights) if (w && !faces.some((x) => x.face === w.face && x.fakeBold === w.fakeBold)) faces.push(w);
    }
    chains[role] = faces;
  }
  return new FontBook(chains);
}

function openEntry(entry: string, r: Resolved): RoleFace {
  try {
    return { face: openFace(r.spec), fakeBold: false, entry, source: r.source };
  } catch (e) {
    if (e instanceof FaceError && !e.entry) e.entry = entry;
    throw e;
  }
}

/** The bold weight of a face's family, among the bundled faces or the lookup's folders. */
function boldOf(rf: RoleFace, o: BookOptions): RoleFace | undefined {
  const families = rf.face.familyNames;
  for (const fam of families) {
    const b = bundledFace(`${fam} Bold`);
    if (b) return { face: openFace(b), fakeBold: false, entry: rf.entry, source: 'bundled' };
  }
  const found = o.lookup?.boldOf(families);
  if (!found) return undefined;
  try {
    const f = openFace(found.spec);
    return isBold(f) ? { face: f, fakeBold: false, entry: rf.entry, source: found.source } : undefined;
  } catch (e) {
    if (e instanceof FaceError) return undefined; // an unusable bold file: fake bold instead
    throw e;
  }
}

export function isBold(f: Face): boolean {
  return f.weight >= 600;
}
