// The fast paths around fontkit (glyph offsets read straight from the bytes, a subsetter
// that decodes only compound glyphs) give exactly what fontkit's own code gives.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

process.env.YANJIN_BULLETIN_CACHE = 'off';
const { loadFontkit } = await import('../../src/require-cached.js');
const require = createRequire(import.meta.url);

const bundled = [
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
].map((f) => require.resolve(f));
// Where the machine has DejaVu (Debian's fonts-dejavu-core), it adds faces with compound
// glyphs and with short (format 0) offsets, which the bundled faces do not have.
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const system = existsSync(DEJAVU) ? readdirSync(DEJAVU).filter((f) => f.endsWith('.ttf')).map((f) => join(DEJAVU, f)) : [];

const TEXT = '延津政务快报第期年月日【】，。、：；“”（）0123456789ABCabcéÅçñüǅ';

interface F {
  loca: { version: number; offsets: number[] };
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): unknown;
  createSubset(): { includeGlyph(g: unknown): number; encode(): Uint8Array };
}

function both(file: string): [F, F] {
  const bytes = readFileSync(file);
  const fk = loadFontkit();
  const fast = fk.create(bytes) as unknown as F;
  process.env.YANJIN_BULLETIN_FAST_FONTKIT = 'off';
  try {
    return [fast, fk.create(bytes) as unknown as F];
  } finally {
    delete process.env.YANJIN_BULLETIN_FAST_FONTKIT;
  }
}

describe.each([...bundled, ...system])('%s', (file) => {
  it('has the same glyph offsets, and subsets to the same bytes', () => {
    const [fast, own] = both(file);
    expect(fast.loca.version).toBe(own.loca.version);
    expect(fast.loca.offsets).toEqual(own.loca.offsets);
    const a = fast.createSubset();
    const b = own.createSubset();
    let n = 0;
    for (const ch of TEXT) {
      const cp = ch.codePointAt(0)!;
      if (!own.hasGlyphForCodePoint(cp)) continue;
      a.includeGlyph(fast.glyphForCodePoint(cp));
      b.includeGlyph(own.glyphForCodePoint(cp));
      n++;
    }
    expect(n).toBeGreaterThan(10);
    // Count outline decodings, to see that the fast path ran (fontkit's decodes every glyph).
    const glyphProto = Object.getPrototypeOf(own.glyphForCodePoint(TEXT.codePointAt(0)!)) as { _decode: (...a: unknown[]) => unknown };
    const decode = glyphProto._decode;
    let decoded = 0;
    glyphProto._decode = function (...args: unknown[]) {
      decoded++;
      return decode.apply(this, args);
    };
    try {
      const fastBytes = Buffer.from(a.encode());
      const fastDecoded = decoded;
      decoded = 0;
      const ownBytes = Buffer.from(b.encode());
      expect(fastBytes.equals(ownBytes)).toBe(true);
      expect(fastDecoded).toBeLessThan(decoded);
    } finally {
      glyphProto._decode = decode;
    }
  });
});
