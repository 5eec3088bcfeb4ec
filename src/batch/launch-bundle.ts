// Run one of the program's bundles (dist/bundle/NAME.cjs, built by scripts/bundle.mjs)
// through V8's code cache, which starts in a fraction of the time of loading ~100 ES
// modules one by one; false when there is no bundle (a plain `tsc` build).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lendImport } from '../esm-import.js';
import { installCodeCache } from '../require-cached.js';

export function launchBundle(name: 'main' | 'worker'): boolean {
  // From dist/batch/ or from dist/bundle/bin.cjs: either way, two folders below the package.
  const bundle = fileURLToPath(new URL(`../bundle/${name}.cjs`, import.meta.url));
  if (!existsSync(bundle)) return false;
  lendImport((spec) => import(spec));
  installCodeCache(bundle);
  createRequire(import.meta.url)(bundle);
  return true;
}
