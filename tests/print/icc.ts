// A minimal ICC profile header and description, enough for the writer's checks and a
// PDF/A output intent's structure; tests make their own rather than ship a real one.
export function iccProfile(opts: { space?: string; cls?: string; desc?: string; version?: number } = {}): Buffer {
  const desc = opts.desc ?? 'Test CMYK press';
  const tag = Buffer.alloc(12 + desc.length + 1 + 4 + 4 + 67 + 3); // v2 textDescriptionType, padded
  tag.write('desc', 0, 'latin1');
  tag.writeUInt32BE(desc.length + 1, 8);
  tag.write(desc, 12, 'latin1');
  const size = 128 + 4 + 12 + tag.length;
  const b = Buffer.alloc(size);
  b.writeUInt32BE(size, 0);
  b[8] = opts.version ?? 2;
  b[9] = 0x10;
  b.write(opts.cls ?? 'prtr', 12, 'latin1');
  b.write(opts.space ?? 'CMYK', 16, 'latin1');
  b.write('Lab ', 20, 'latin1');
  b.write('acsp', 36, 'latin1');
  b.writeUInt32BE(1, 128);
  b.write('desc', 132, 'latin1');
  b.writeUInt32BE(144, 136);
  b.writeUInt32BE(tag.length, 140);
  tag.copy(b, 144);
  return b;
}
