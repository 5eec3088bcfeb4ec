// The program's bundle (dist/bundle/main.cjs, see bin.ts) and its CommonJS dependencies
// loaded with V8's code cache, so a build does not spend its start compiling 1 MB of
// JavaScript.
// (Node 20 has no module.enableCompileCache; this is the v8-compile-cache approach:
// compile each module with vm.Script and keep its cachedData on disk.) The cache lives
// in ~/.cache/yanjin-bulletin (YANJIN_BULLETIN_CACHE=DIR moves it, =off turns it off);
// V8 checks each entry against the source, so a stale or damaged entry is only ignored.
import Module, { createRequire } from 'node:module';
import vm from 'node:vm';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
type Installed = { flush(): void; partial(): void };

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
  g[INSTALLED] = { flush: saveCache, partial: savePartial };
  dir = cacheDir();
  if (!dir) return;
  // Commands that build nothing (validate, import …) save what they compiled at exit.
  process.once('exit', () => saveCache());
  const original = M.prototype._compile;
  const nm = `${sep}node_modules${sep}`;
  M.prototype._compile = function (content: string, filename: string) {
    // Dependencies (they change when reinstalled, not while being worked on) and the
    // program's bundle; not modules that import() (a vm.Script would need a callback for
    // it; the bundle routes its one ESM import through esm-import.ts instead).
    const cacheable = filename === own || (filename.includes(nm) && !content.includes('import('));
    if (!cacheable) return original.call(this, content, filename);
    const key = join(dir!, `${hash(filename)}.bin`);
    // A full entry (made after a build) first, else a partial one (made by a batch).
    const cachedData = readOrNothing(key) ?? readOrNothing(partialOf(key));
    const script = new vm.Script(M.wrap(content.replace(/^#!.*/, '')), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected || !existsSync(key)) pending.set(key, script);
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

/**
 * Before V8's flags change (see vm-tuning.ts): a cache made later would not match the next
 * start, so save what has been compiled so far as a partial entry, used until a build of
 * one issue saves a full one; then stop saving.
 */
export function savePartialCodeCache(): void {
  (globalThis as unknown as Record<symbol, Installed | undefined>)[INSTALLED]?.partial();
}

const partialOf = (key: string) => key.replace(/\.bin$/, '.partial.bin');

function readOrNothing(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined; /* not cached yet */
  }
}

function savePartial(): void {
  for (const key of [...pending.keys()]) {
    if (existsSync(partialOf(key))) pending.delete(key);
  }
  saveCache(partialOf);
}

function saveCache(as: (key: string) => string = (k) => k): void {
  if (!dir || pending.size === 0) return;
  try {
    mkdirSync(dir, { recursive: true });
    for (const [key, script] of pending) {
      const tmp = `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, as(key));
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

/** fontkit, for CFF faces (TrueType faces are read by fonts/sfnt). */
export function loadFontkit(): typeof FontkitNs {
  if (fontkit) return fontkit;
  install();
  deferUnused(require.resolve('fontkit'), ['brotli/decompress.js']);
  return (fontkit = require('fontkit') as typeof FontkitNs);
}
