// Faces per role with per-character fallback along each role's chain. It answers the
// composer's metric questions and the writer's glyph questions from one cache.
import { ROLES, type Role, type Style } from '../validate/style-schema.js';
import { DEFAULT_FACES, bundledFace } from './bundled.js';
import { FaceError, openFace, type Face } from './open-face.js';
import type { FaceLookup } from './lookup.js';
import { resolveEntry } from './resolve-entry.js';

export interface GlyphRef {
  face: Face;
  /** Glyph id in the face. */
  gid: number;
}

export interface FaceSpec {
  role: Role;
  entries: string[];
}

// It answers the composer's Metrics questions (advance, ink) structurally, without importing
// the composer: fonts come before compose in the pipeline.
export class FontBook {
  readonly chains: Record<Role, Face[]>;
  /** Per role, code point → where it is set (null: nowhere). Asked once a glyph a line. */
  private readonly cache = new Map<string, Map<number, GlyphRef | null>>();

  constructor(chains: Record<Role, Face[]>) {
    this.chains = chains;
  }

  /** The face and glyph that set `ch` in `role`: the first face of the chain that has it. */
  glyph(ch: string, role: string): GlyphRef | null {
    let byCp = this.cache.get(role);
    if (!byCp) this.cache.set(role, (byCp = new Map()));
    const cp = ch.codePointAt(0)!;
    let r = byCp.get(cp);
    if (r !== undefined) return r;
    r = null;
    for (const face of this.chains[role as Role] ?? []) {
      const gid = face.reader.glyphId(cp);
      if (gid) {
        r = { face, gid };
        break;
      }
    }
    byCp.set(cp, r);
    return r;
  }

  advance(ch: string, role: string, size: number): number {
    const g = this.glyph(ch, role);
    if (!g) return size; // missing glyphs are reported before composition; keep the cell
    return (g.face.reader.advance(g.gid) / g.face.reader.unitsPerEm) * size;
  }

  ink(ch: string, role: string, size: number): [number, number] | undefined {
    const g = this.glyph(ch, role);
    if (!g) return undefined;
    const bb = g.face.reader.hBounds(g.gid);
    if (!bb) return undefined;
    const s = size / g.face.reader.unitsPerEm;
    return [bb[0] * s, bb[1] * s];
  }

  /** Characters of `text` that no face of `role` has. */
  missing(text: string, role: string): string[] {
    const out = new Set<string>();
    for (const ch of text) {
      if (ch === '\n' || ch === ' ' || ch === '\t' || ch === '\r') continue;
      if (!this.glyph(ch, role)) out.add(ch);
    }
    return [...out];
  }
}

export interface BookOptions {
  /** The folder a path entry is relative to: that of the file that names it. */
  baseFor: (entry: string) => string;
  /** Names that are not bundled: the project's fonts/ folders and the system's. */
  lookup?: FaceLookup;
}

/** Build the chains a style asks for: each role's entries (or its default), then `fallback`. */
export function openFontBook(style: Style, opts: BookOptions | string, lookup?: FaceLookup): FontBook {
  const o: BookOptions = typeof opts === 'string' ? { baseFor: () => opts, lookup } : opts;
  const fallback = style.fonts.fallback ?? [];
  const chains = {} as Record<Role, Face[]>;
  for (const role of ROLES) {
    const entries = [...(style.fonts[role] ?? [DEFAULT_FACES[role]]), ...fallback];
    const faces: Face[] = [];
    for (const entry of entries) {
      let face = openEntry(entry, o);
      if (style.bold[role] && !isBold(face)) face = boldOf(face, o) ?? { ...face, fakeBold: true };
      if (faces.some((x) => x.key === face.key && x.fakeBold === face.fakeBold)) continue;
      faces.push(face);
    }
    chains[role] = faces;
  }
  return new FontBook(chains);
}

function openEntry(entry: string, o: BookOptions): Face {
  const r = resolveEntry(entry, o.baseFor(entry), o.lookup);
  try {
    return { ...openFace(r.spec), entry, source: r.source };
  } catch (e) {
    if (e instanceof FaceError && !e.entry) e.entry = entry;
    throw e;
  }
}

/** The bold weight of a face's family, among the bundled faces or the lookup's folders. */
function boldOf(face: Face, o: BookOptions): Face | undefined {
  const families = face.reader.familyNames;
  for (const fam of families) {
    const b = bundledFace(`${fam} Bold`);
    if (b) return { ...openFace(b), entry: face.entry, source: 'bundled' };
  }
  const found = o.lookup?.boldOf(families);
  if (!found) return undefined;
  try {
    const f = openFace(found.spec);
    return isBold(f) ? { ...f, entry: face.entry, source: found.source } : undefined;
  } catch (e) {
    if (e instanceof FaceError) return undefined; // an unusable bold file: fake bold instead
    throw e;
  }
}

export function isBold(f: Face): boolean {
  return f.reader.weightClass >= 600;
}
