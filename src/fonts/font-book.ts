// Faces per role with per-character fallback along each role's chain. It answers the
// composer's metric questions and the writer's glyph questions from one cache.
import type { Glyph } from 'fontkit';
import { ROLES, type Role, type Style } from '../validate/style-schema.js';
import { DEFAULT_FACES } from './bundled.js';
import { openFace, type Face } from './open-face.js';
import { resolveEntry } from './resolve-entry.js';
import type { Metrics } from '../compose/types.js';

export interface GlyphRef {
  face: Face;
  glyph: Glyph;
}

export interface FaceSpec {
  role: Role;
  entries: string[];
}

export class FontBook implements Metrics {
  readonly chains: Record<Role, Face[]>;
  private readonly cache = new Map<string, GlyphRef | null>();

  constructor(chains: Record<Role, Face[]>) {
    this.chains = chains;
  }

  /** The face and glyph that set `ch` in `role`: the first face of the chain that has it. */
  glyph(ch: string, role: string): GlyphRef | null {
    const k = role + '\u0000' + ch;
    let r = this.cache.get(k);
    if (r !== undefined) return r;
    r = null;
    const cp = ch.codePointAt(0)!;
    for (const face of this.chains[role as Role] ?? []) {
      if (face.font.hasGlyphForCodePoint(cp)) {
        r = { face, glyph: face.font.glyphForCodePoint(cp) };
        break;
      }
    }
    this.cache.set(k, r);
    return r;
  }

  advance(ch: string, role: string, size: number): number {
    const g = this.glyph(ch, role);
    if (!g) return size; // missing glyphs are reported before composition; keep the cell
    return (g.glyph.advanceWidth / g.face.font.unitsPerEm) * size;
  }

  ink(ch: string, role: string, size: number): [number, number] | undefined {
    const g = this.glyph(ch, role);
    if (!g) return undefined;
    const bb = (g.glyph as unknown as { bbox: { minX: number; maxX: number } }).bbox;
    const s = size / g.face.font.unitsPerEm;
    return [bb.minX * s, bb.maxX * s];
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

/** Build the chains a style asks for: its entries, then `fallback`, then the defaults. */
export function openFontBook(style: Style, baseDir: string, systemLookup?: (name: string) => string | undefined): FontBook {
  const fallback = style.fonts.fallback ?? [];
  const chains = {} as Record<Role, Face[]>;
  for (const role of ROLES) {
    const entries = [...(style.fonts[role] ?? [DEFAULT_FACES[role]]), ...fallback];
    const faces: Face[] = [];
    for (const e of entries) {
      const f = openFace(resolveEntry(e, baseDir, systemLookup));
      if (faces.some((x) => x.key === f.key)) continue;
      faces.push(style.bold[role] && !isBold(f) ? { ...f, fakeBold: true } : f);
    }
    chains[role] = faces;
  }
  return new FontBook(chains);
}

function isBold(f: Face): boolean {
  return (f.font['OS/2']?.usWeightClass ?? 400) >= 600;
}
