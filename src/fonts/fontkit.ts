// fontkit as pdfkit loads it (its CommonJS build), so the process holds one copy of it
// whichever way this program was built (bundled CommonJS, or ES modules under the tests).
// Loaded when a face is first opened: commands that open none never load it.
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

let fontkit: typeof Fontkit | undefined;

export function loadFontkit(): typeof Fontkit {
  return (fontkit ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit);
}
