// The sRGB output profile made by the program (PDF/A in RGB): a well-formed ICC v2
// display profile with the standard's primaries, white point and tone curve.
import { describe, it, expect } from 'vitest';
import { srgbIcc } from '../../src/write/srgb-profile.js';
import { profileDescription } from '../../src/write/output-intent.js';

const icc = srgbIcc();
const tag = (sig: string) => {
  const n = icc.readUInt32BE(128);
  for (let i = 0; i < n; i++) {
    if (icc.toString('latin1', 132 + i * 12, 136 + i * 12) === sig) {
      const off = icc.readUInt32BE(136 + i * 12);
      return icc.subarray(off, off + icc.readUInt32BE(140 + i * 12));
    }
  }
  throw new Error(`no ${sig} tag`);
};
const xyz = (sig: string) => [8, 12, 16].map((o) => tag(sig).readInt32BE(o) / 65536);

describe('the sRGB profile', () => {
  it('has an ICC v2 display-class RGB header whose size is the file size', () => {
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc[8]).toBe(2);
    expect(icc.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
    expect(icc.length % 4).toBe(0);
  });

  it('names itself sRGB IEC61966-2.1', () => {
    expect(profileDescription(icc)).toBe('sRGB IEC61966-2.1');
  });

  it('holds the D50-adapted sRGB primaries, which add up to the D50 white', () => {
    const [r, g, b] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
    expect(r[0]).toBeCloseTo(0.4361, 3);
    expect(g[1]).toBeCloseTo(0.7169, 3);
    expect(b[2]).toBeCloseTo(0.7141, 3);
    const white = xyz('wtpt');
    for (let i = 0; i < 3; i++) expect(r[i] + g[i] + b[i]).toBeCloseTo(white[i], 2);
  });

  it('has the sRGB tone curve: linear toe, then the 2.4 power, rising from 0 to 1', () => {
    const c = tag('rTRC');
    const n = c.readUInt32BE(8);
    const at = (i: number) => c.readUInt16BE(12 + i * 2) / 65535;
    expect(n).toBe(1024);
    expect(at(0)).toBe(0);
    expect(at(n - 1)).toBe(1);
    expect(at(10)).toBeCloseTo(10 / 1023 / 12.92, 4);
    expect(at(512)).toBeCloseTo(((512 / 1023 + 0.055) / 1.055) ** 2.4, 4);
    for (let i = 1; i < n; i++) expect(at(i)).toBeGreaterThanOrEqual(at(i - 1));
  });

  it('is the same bytes every time', () => {
    expect(srgbIcc().equals(icc)).toBe(true);
  });
});
