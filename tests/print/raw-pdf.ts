// The PDF's objects as text, streams inflated: enough to check what pdfjs does not
// expose (colour operators, the structure tree's dictionaries, output intents, fonts).
import { inflateSync } from 'node:zlib';

export interface RawObject {
  num: number;
  /** The object's dictionary (or value) as written. */
  dict: string;
  /** The stream's bytes, inflated when FlateDecode. */
  stream?: Buffer;
}

export interface RawPdf {
  objects: Map<number, RawObject>;
  trailer: string;
  /** The object an indirect reference `N 0 R` in `s` (after `key`) points at. */
  deref(s: string, key: string): RawObject | undefined;
  /** Every object whose dictionary has `/Type /T` (or `/S /T` for structure elements). */
  ofType(t: string): RawObject[];
}

export function readRaw(bytes: Buffer): RawPdf {
  const text = bytes.toString('latin1');
  const objects = new Map<number, RawObject>();
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const si = body.indexOf('stream\n');
    let obj: RawObject;
    if (si >= 0) {
      const dict = body.slice(0, si);
      const len = Number(/\/Length (\d+)/.exec(dict)![1]);
      const raw = bytes.subarray(start + si + 7, start + si + 7 + len);
      obj = { num: Number(m[1]), dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw) };
    } else obj = { num: Number(m[1]), dict: body.trim() };
    objects.set(obj.num, obj);
    re.lastIndex = end;
  }
  const trailer = text.slice(text.lastIndexOf('trailer'));
  return {
    objects,
    trailer,
    deref(s, key) {
      const r = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(s);
      return r ? objects.get(Number(r[1])) : undefined;
    },
    ofType(t) {
      return [...objects.values()].filter((o) => new RegExp(`/(Type|S) /${t}\\b`).test(o.dict));
    },
  };
}
