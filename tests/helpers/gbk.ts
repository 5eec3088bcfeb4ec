// Node can decode GBK but not encode it: build the encoder from the decoder, once.
let table: Map<string, number[]> | undefined;

export function encodeGbk(s: string): Uint8Array {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const c = dec.decode(new Uint8Array([a, b]));
        if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const c of s) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else {
      const bytes = table.get(c);
      if (!bytes) throw new Error(`no GBK code for ${c}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
