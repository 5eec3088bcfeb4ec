#!/usr/bin/env node
// The installed command. It runs the program's bundle (dist/bundle/main.cjs: its own code
// with commander, yaml and zod in one file, built by scripts/bundle.mjs) through V8's code
// cache, which starts in a fraction of the time of loading ~100 ES modules one by one.
// scripts/bundle.mjs also turns this file into dist/bundle/bin.cjs, the command npm
// installs (CommonJS starts a few milliseconds sooner). Without the bundle (a plain `tsc`
// build) it runs the modules themselves.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lendImport } from '../esm-import.js';
import { installCodeCache } from '../require-cached.js';
import { tuneForShortRun } from '../vm-tuning.js';

tuneForShortRun();

const bundle = fileURLToPath(new URL('../bundle/main.cjs', import.meta.url));
if (existsSync(bundle)) {
  lendImport((spec) => import(spec));
  installCodeCache(bundle);
  createRequire(import.meta.url)(bundle);
} else {
  void import('./main.js');
}
