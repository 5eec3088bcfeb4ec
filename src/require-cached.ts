// The program's bundle (dist/bundle/main.cjs, see bin.ts) and its CommonJS dependencies
// loaded with V8's code cache, so a build does not spend its start compiling 1 MB of
// JavaScript.
// (Node 20 has no module.enableCompileCache; this is the v8-compile-cache approach:
// compile each module with vm.Script and keep its cachedData on disk.) The cache lives
// in ~/.cache/yanjin-bulletin (YANJIN_BULLETIN_CACHE=DIR moves it, =off turns it off);
// V8 checks each entry against the source, so a stale or damaged entry is only ignored.
// fontkit also gets two fast paths that give the same bytes as its own code (glyph
// offsets read straight from the file; a subsetter that decodes only compound glyphs);
// YANJIN_BULLETIN_FAST_FONTKIT=off keeps fontkit's own code, for comparison.
import Module, { createRequire } from 'node:module';
import vm from 'node:vm';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import type * as FontkitNs from 'fontkit';

const require = createRequire(import.meta.url);

interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleInternals {
  prototype: { _compile(this: CjsModule, content: string, filename: string): unknown };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: CjsModule, isMain: boolean, options?: unknown): string;
  _nodeModulePaths(dir: string): string[];
  _cache: Record<string, unknown>;
  _extensions: unknown;
}
const M = Module as unknown as ModuleInternals;

function cacheDir(): string | undefined {
  const env = process.env.YANJIN_BULLETIN_CACHE;
  if (env === 'off' || env === '0') return undefined;
  const base = env || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'yanjin-bulletin');
  // Code caches are only good for the V8 that made them.
  return join(base, `v8-${process.versions.v8}-${process.arch}`);
}

/** Scripts compiled without a usable cache entry, to save once they have run. */
const pending = new Map<string, vm.Script>();
let dir: string | undefined;
let installed = false;

const hash = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
};

/** Marks the hook as installed in this process (the bundle carries its own copy of this module). */
const INSTALLED = Symbol.for('yanjin-bulletin.code-cache');
type Installed = { flush(): void };

/**
 * Compile dependencies' CommonJS modules through the code cache from now on; `own` names
 * the program's own bundle (dist/bundle/main.cjs), which is cached the same way.
 */
export function installCodeCache(own?: string): void {
  install(own);
}

function install(own?: string): void {
  if (installed) return;
  installed = true;
  const g = globalThis as unknown as Record<symbol, Installed | undefined>;
  if (g[INSTALLED]) return; // the launcher did it, with the other copy of this module
  g[INSTALLED] = { flush: saveCache };
  dir = cacheDir();
  if (!dir) return;
  // Commands that build nothing (validate, import …) save what they compiled at exit.
  process.once('exit', saveCache);
  const original = M.prototype._compile;
  const nm = `${sep}node_modules${sep}`;
  M.prototype._compile = function (content: string, filename: string) {
    // Dependencies (they change when reinstalled, not while being worked on) and the
    // program's bundle; not modules that import() (a vm.Script would need a callback for
    // it; the bundle routes its one ESM import through esm-import.ts instead).
    const cacheable = filename === own || (filename.includes(nm) && !content.includes('import('));
    if (!cacheable) return original.call(this, content, filename);
    const key = join(dir!, `${hash(filename)}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(key);
    } catch {
      /* not cached yet */
    }
    const script = new vm.Script(M.wrap(content.replace(/^#!.*/, '')), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) pending.set(key, script);
    const fn = script.runInThisContext({ displayErrors: true }) as (...a: unknown[]) => unknown;
    const mod = this;
    const req = Object.assign((id: string) => mod.require(id), {
      resolve: (request: string, options?: unknown) => M._resolveFilename(request, mod, false, options),
      main: require.main,
      cache: M._cache,
      extensions: M._extensions,
    });
    return fn.call(mod.exports, mod.exports, req, mod, filename, dirname(filename));
  };
}

/**
 * Save the code of the modules compiled without a cache entry. Called after a first
 * issue is built, so the entries hold the functions that building runs, not only the
 * modules' top levels. Never fails a build.
 */
export function flushCodeCache(): void {
  (globalThis as unknown as Record<symbol, Installed | undefined>)[INSTALLED]?.flush();
}

function saveCache(): void {
  if (!dir || pending.size === 0) return;
  try {
    mkdirSync(dir, { recursive: true });
    for (const [key, script] of pending) {
      const tmp = `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, key);
    }
  } catch {
    /* a read-only home: go on without a cache */
  }
  pending.clear();
}

/**
 * fontkit loads a Brotli decoder (for WOFF2) that this program does not use (TrueType
 * and OpenType faces only). It is loaded on first use instead.
 */
function deferUnused(main: string, ids: string[]): void {
  const from = createRequire(main);
  for (const id of ids) {
    let path: string;
    try {
      path = from.resolve(id);
    } catch {
      continue;
    }
    if (M._cache[path]) continue;
    let real: Record<PropertyKey, unknown> | undefined;
    const load = () => {
      if (!real) {
        delete M._cache[path];
        real = from(id) as Record<PropertyKey, unknown>;
      }
      return real;
    };
    const exports = new Proxy(function () {} as unknown as Record<PropertyKey, unknown>, {
      get: (_t, k) => load()[k],
      has: (_t, k) => k in load(),
      construct: (_t, args) => new (load() as unknown as new (...a: unknown[]) => object)(...args),
      apply: (_t, self, args) => (load() as unknown as (...a: unknown[]) => unknown).apply(self, args),
    });
    // A real module record (ESM imports of the package read its path and paths too).
    const mod = new (Module as unknown as new (id: string) => Record<string, unknown>)(path);
    Object.assign(mod, { filename: path, paths: M._nodeModulePaths(dirname(path)), exports, loaded: true });
    M._cache[path] = mod;
  }
}

let fontkit: typeof FontkitNs | undefined;

export function loadFontkit(): typeof FontkitNs {
  if (fontkit) return fontkit;
  install();
  deferUnused(require.resolve('fontkit'), ['brotli/decompress.js']);
  const fk = require('fontkit') as typeof FontkitNs;
  fontkit = {
    ...fk,
    create(buffer: Buffer, postscriptName?: string) {
      const font = fk.create(buffer, postscriptName);
      const members = ('fonts' in font ? font.fonts : [font]) as unknown as Array<LocaFont & Record<symbol, boolean>>;
      if (process.env.YANJIN_BULLETIN_FAST_FONTKIT === 'off') for (const f of members) f[OWN_CODE] = true;
      else {
        fastSubsets(members[0]);
        for (const f of members) fastLoca(f);
      }
      return font;
    },
  } as typeof FontkitNs;
  return fontkit;
}

interface LocaFont {
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer?: Uint8Array };
  head?: { indexToLocFormat?: number };
  _tables?: Record<string, unknown>;
}

/**
 * The glyph offsets (loca) of a CJK face are 30,000 or 65,000 numbers, which fontkit
 * decodes one by one through its struct reader on first use: ~3 ms a face. Read them
 * straight from the bytes instead, into the same shape fontkit's decoder gives.
 */
function fastLoca(font: LocaFont): void {
  const t = font.directory?.tables?.loca;
  const buf = font.stream?.buffer;
  if (!t || !buf || !font._tables || 'loca' in font._tables || t.offset + t.length > buf.length) return;
  const version = font.head?.indexToLocFormat;
  if (version !== 0 && version !== 1) return;
  const view = new DataView(buf.buffer, buf.byteOffset + t.offset, t.length);
  const n = version === 0 ? t.length >> 1 : t.length >> 2;
  const offsets = new Array<number>(n);
  // Format 0 stores half offsets; fontkit doubles them as it decodes (its `_processed`).
  if (version === 0) for (let i = 0; i < n; i++) offsets[i] = view.getUint16(i * 2) * 2;
  else for (let i = 0; i < n; i++) offsets[i] = view.getUint32(i * 4);
  font._tables.loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
}

interface TtfSubset {
  font: { getGlyph(id: number): SubsetGlyph; loca: { offsets: number[] }; _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array }; _variationProcessor?: unknown };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  includeGlyph(id: number): number;
  glyphEncoder: { encodeSimple(path: unknown, instructions: unknown): Uint8Array };
}
interface SubsetGlyph {
  _decode(): { numberOfContours: number; components: Array<{ glyphID: number; pos: number }>; instructions: unknown } | null;
  path: unknown;
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
}
const PATCHED = Symbol('yanjin-bulletin fast subset');
/** Marks a font opened with YANJIN_BULLETIN_FAST_FONTKIT=off: fontkit's own code only. */
const OWN_CODE = Symbol('yanjin-bulletin fontkit code');

/**
 * fontkit's TrueType subsetter decodes every glyph's outline only to learn whether it is a
 * compound glyph, which the first two bytes of the glyph say. Subsetting the three faces
 * of an issue spent most of its time there. Same bytes out; only the decoding is skipped.
 */
function fastSubsets(font: object): void {
  const f = font as { createSubset?: () => unknown };
  const sample = (f.createSubset?.() ?? {}) as object;
  const proto = Object.getPrototypeOf(sample) as Record<PropertyKey, unknown>;
  // Only the TrueType subsetter of fontkit 2, whose fields this replacement uses.
  if (proto[PATCHED] || !Object.hasOwn(proto, '_addGlyph') || !Object.hasOwn(proto, 'encode') || !('glyphEncoder' in sample)) return;
  proto[PATCHED] = true;
  const original = proto._addGlyph as (this: TtfSubset, gid: number) => number;
  proto._addGlyph = function (this: TtfSubset, gid: number): number {
    if ((this.font as unknown as Record<symbol, boolean>)[OWN_CODE]) return original.call(this, gid);
    const glyph = this.font.getGlyph(gid);
    const cur = this.font.loca.offsets[gid];
    const next = this.font.loca.offsets[gid + 1];
    const stream = this.font._getTableStream('glyf');
    stream.pos += cur;
    let buffer = stream.readBuffer(next - cur);
    const contours = buffer.length >= 2 ? ((buffer[0] << 24) | (buffer[1] << 16)) >> 16 : 0;
    if (buffer.length && contours < 0) {
      const glyf = glyph._decode()!;
      buffer = new Uint8Array(buffer);
      const view = new DataView(buffer.buffer);
      for (const component of glyf.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    } else if (buffer.length && this.font._variationProcessor) {
      buffer = this.glyphEncoder.encodeSimple(glyph.path, glyph._decode()!.instructions);
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}

