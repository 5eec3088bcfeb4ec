#!/usr/bin/env node
// The installed command. scripts/bundle.mjs bundles the command line with commander, yaml
// and zod into dist/bundle/bin.cjs, which package.json's bin names (one file to read
// instead of ~100 modules); a plain `tsc` build runs this file and main.js.
import './compile-cache.js';
import './main.js';
