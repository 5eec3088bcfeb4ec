// Minimal typings for fontkit 2, which ships none: only what this project calls.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
    name?: string;
    path: { commands: Array<{ command: string; args: number[] }>; toSVG(): string };
  }
  export interface Font {
    type: string;
    postscriptName: string;
    familyName: string;
    subfamilyName: string;
    fullName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    numGlyphs: number;
    characterSet: number[];
    variationAxes: Record<string, unknown>;
    'OS/2'?: { usWeightClass: number };
    hasGlyphForCodePoint(cp: number): boolean;
    glyphForCodePoint(cp: number): Glyph;
    getGlyph(id: number): Glyph;
    layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
    createSubset(): { includeGlyph(g: number | Glyph): number; encode(): Uint8Array };
  }
  export interface FontCollection {
    type: 'TTC' | 'DFont';
    fonts: Font[];
    getFont(name: string): Font | null;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
  const fontkit: { create: typeof create; openSync: typeof openSync };
  export default fontkit;
}

// opencc-js ships its dictionaries as modules without typings: each one a string of
// `from to…` entries separated by `|`.
declare module 'opencc-js/dict/TSCharacters' {
  const entries: string;
  export default entries;
}
