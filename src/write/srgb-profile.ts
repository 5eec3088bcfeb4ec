// The sRGB IEC61966-2.1 ICC profile (version 2, display class) for PDF/A's output intent
// in RGB, made here from the standard's numbers rather than shipped as a file: a header,
// the D50-adapted primaries (Bradford), the white point and the sRGB tone curve sampled
// at 1024 points, shared by the three channels.

const s15f16 = (v: number) => Math.round(v * 65536);

export function srgbIcc(): Buffer {
  const desc = 'sRGB IEC61966-2.1';
  const copyright = 'No copyright, use freely';
  const tags: Array<[string, Buffer]> = [];
  const xyz = (x: number, y: number, z: number) => {
    const b = Buffer.alloc(20);
    b.write('XYZ ', 0, 'latin1');
    b.writeInt32BE(s15f16(x), 8);
    b.writeInt32BE(s15f16(y), 12);
    b.writeInt32BE(s15f16(z), 16);
    return b;
  };
  // textDescriptionType: ASCII, then empty Unicode and ScriptCode parts.
  const d = Buffer.alloc(12 + desc.length + 1 + 8 + 3 + 67);
  d.write('desc', 0, 'latin1');
  d.writeUInt32BE(desc.length + 1, 8);
  d.write(desc, 12, 'latin1');
  const text = Buffer.alloc(8 + copyright.length + 1);
  text.write('text', 0, 'latin1');
  text.write(copyright, 8, 'latin1');
  const n = 1024;
  const curve = Buffer.alloc(12 + n * 2);
  curve.write('curv', 0, 'latin1');
  curve.writeUInt32BE(n, 8);
  for (let i = 0; i < n; i++) {
    const c = i / (n - 1);
    const lin = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    curve.writeUInt16BE(Math.round(lin * 65535), 12 + i * 2);
  }
  tags.push(['desc', d], ['cprt', text], ['wtpt', xyz(0.9642, 1, 0.8249)]);
  tags.push(['rXYZ', xyz(0.4361, 0.2225, 0.0139)], ['gXYZ', xyz(0.3851, 0.7169, 0.0971)], ['bXYZ', xyz(0.1431, 0.0606, 0.7141)]);
  tags.push(['rTRC', curve], ['gTRC', curve], ['bTRC', curve]);

  const pad4 = (x: number) => (x + 3) & ~3;
  const tableSize = 4 + tags.length * 12;
  let at = 128 + tableSize;
  const placed = new Map<Buffer, number>();
  const entries: Array<[string, number, number]> = [];
  const data: Buffer[] = [];
  for (const [sig, b] of tags) {
    let off = placed.get(b);
    if (off === undefined) {
      off = at;
      placed.set(b, off);
      const padded = Buffer.alloc(pad4(b.length));
      b.copy(padded);
      data.push(padded);
      at += padded.length;
    }
    entries.push([sig, off, b.length]);
  }
  const head = Buffer.alloc(128 + tableSize);
  head.writeUInt32BE(at, 0);
  head.writeUInt32BE(0x02100000, 8); // version 2.1
  head.write('mntrRGB XYZ ', 12, 'latin1');
  head.writeUInt16BE(2000, 24); // creation date: a fixed one, for the same bytes every time
  head.writeUInt16BE(1, 26);
  head.writeUInt16BE(1, 28);
  head.write('acsp', 36, 'latin1');
  head.writeInt32BE(s15f16(0.9642), 68); // the PCS illuminant, D50
  head.writeInt32BE(s15f16(1), 72);
  head.writeInt32BE(s15f16(0.8249), 76);
  head.writeUInt32BE(tags.length, 128);
  entries.forEach(([sig, off, len], i) => {
    head.write(sig, 132 + i * 12, 'latin1');
    head.writeUInt32BE(off, 136 + i * 12);
    head.writeUInt32BE(len, 140 + i * 12);
  });
  return Buffer.concat([head, ...data]);
}
