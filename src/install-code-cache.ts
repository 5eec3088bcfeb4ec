// Imported first (by the command line and by batch workers): from here on, the CommonJS
// modules of the dependencies (commander, yaml, zod, fontkit …) compile through V8's
// code cache. See require-cached.ts.
import { installCodeCache } from './require-cached.js';

installCodeCache();
