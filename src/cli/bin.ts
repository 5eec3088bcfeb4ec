#!/usr/bin/env node
// The installed command: the program's bundle, run through V8's code cache (see
// batch/launch-bundle.ts). scripts/bundle.mjs also turns this file into dist/bundle/bin.cjs,
// the command npm installs (CommonJS starts a few milliseconds sooner). Without the
// bundle (a plain `tsc` build) it runs the modules themselves.
import { launchBundle } from '../batch/launch-bundle.js';
import { tuneForShortRun } from '../vm-tuning.js';

tuneForShortRun();
if (!launchBundle('main')) void import('./main.js');
