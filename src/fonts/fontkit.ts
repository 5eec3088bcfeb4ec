// fontkit as pdfkit loads it (its CommonJS build), so the process holds one copy of it
// whichever way this program was built (bundled CommonJS, or ES modules under the tests).
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

export const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
