// fontkit and pdfkit, the two heavy dependencies, loaded as CommonJS with V8's code
// cache, so a one-issue build does not spend its start compiling 1 MB of JavaScript.
// (Node 20 has no module.enableCompileCache; this is the v8-compile-cache approach:
// compile each module with vm.Script and keep its cachedData on disk.) The cache lives
// in ~/.cache/yanjin-bulletin (YANJIN_BULLETIN_CACHE=DIR moves it, =off turns it off);
// V8 checks each entry against the source, so a stale or damaged entry is only ignored.
import Module, { createRequire } from 'node:module';
import vm from 'node:vm';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import type * as FontkitNs from 'fontkit';
import type PDFDocumentNs from 'pdfkit';

const require = createRequire(import.meta.url);

interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleInternals {
  prototype: { _compile(this: CjsModule, content: string, filename: string): unknown };
  wrap(source: string): string;
  _resolveFilename(request: string, parent: CjsModule, isMain: boolean, options?: unknown): string;
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

function install(): void {
  if (installed) return;
  installed = true;
  dir = cacheDir();
  if (!dir) return;
  const original = M.prototype._compile;
  const nm = `${sep}node_modules${sep}`;
  M.prototype._compile = function (content: string, filename: string) {
    // Only dependencies (they change when reinstalled, not while being worked on), and
    // not those that import() (a vm.Script would need a callback for it).
    if (!filename.includes(nm) || content.includes('import(')) return original.call(this, content, filename);
    const key = join(dir!, `${hash(filename)}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(key);
    } catch {
      /* not cached yet */
    }
    const script = new vm.Script(M.wrap(content), { filename, cachedData });
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
 * pdfkit loads AES, a PNG decoder and a text line breaker that this program never uses
 * (no encryption, no images, our own line breaking). Each is loaded on first use instead.
 */
function deferUnused(pdfkitMain: string): void {
  const from = createRequire(pdfkitMain);
  for (const id of ['@noble/ciphers/aes', 'linebreak', 'png-js']) {
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
    M._cache[path] = { id: path, filename: path, loaded: true, exports, children: [], paths: [] };
  }
}

let fontkit: typeof FontkitNs | undefined;
let pdfkit: typeof PDFDocumentNs | undefined;

export function loadFontkit(): typeof FontkitNs {
  if (fontkit) return fontkit;
  install();
  const fk = require('fontkit') as typeof FontkitNs;
  fontkit = {
    ...fk,
    create(buffer: Buffer, postscriptName?: string) {
      const font = fk.create(buffer, postscriptName);
      // YANJIN_BULLETIN_FAST_SUBSET=off keeps fontkit's own subsetter (the tests compare the two).
      if (process.env.YANJIN_BULLETIN_FAST_SUBSET !== 'off') fastSubsets('fonts' in font ? font.fonts[0] : font);
      return font;
    },
  } as typeof FontkitNs;
  return fontkit;
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

/**
 * fontkit's TrueType subsetter decodes every glyph's outline only to learn whether it is a
 * compound glyph, which the first two bytes of the glyph say. Subsetting the three faces
 * of an issue spent most of its time there. Same bytes out; only the decoding is skipped.
 */
function fastSubsets(font: { createSubset?: () => unknown }): void {
  const sample = (font.createSubset?.() ?? {}) as object;
  const proto = Object.getPrototypeOf(sample) as Record<PropertyKey, unknown>;
  // Only the TrueType subsetter of fontkit 2, whose fields this replacement uses.
  if (proto[PATCHED] || !Object.hasOwn(proto, '_addGlyph') || !Object.hasOwn(proto, 'encode') || !('glyphEncoder' in sample)) return;
  proto[PATCHED] = true;
  proto._addGlyph = function (this: TtfSubset, gid: number): number {
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

export function loadPdfkit(): typeof PDFDocumentNs {
  if (pdfkit) return pdfkit;
  install();
  deferUnused(require.resolve('pdfkit'));
  const m = require('pdfkit') as typeof PDFDocumentNs & { default?: typeof PDFDocumentNs };
  return (pdfkit = m.default ?? m);
}
