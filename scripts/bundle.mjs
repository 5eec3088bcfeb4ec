#!/usr/bin/env node
// Bundle the compiled command line with its pure-JavaScript dependencies (commander,
// yaml, zod) into dist/bundle/bin.cjs, the installed command, and the batch worker into
// dist/bundle/worker.cjs: one file each to read and compile instead of ~100 modules.
// pdfkit and fontkit (which read their own data files), and the packages that load
// native code, stay outside and are required from node_modules at run time.
// The bundle sits two folders below the package root, as dist/<stage>/*.js do, so the
// paths the modules compute from their own location hold in both.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';

// zod re-exports its error messages in ~50 languages (half its size); the program uses
// zod's English ones only (and rewrites most of them).
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) =>
      /[\\/]zod[\\/]/.test(a.importer) ? { path: join(dirname(a.importer), '..', 'locales', 'index.js'), namespace: 'zod-en' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (a) => ({ contents: "export { default as en } from './en.js';", resolveDir: dirname(a.path) }));
  },
};

// The house style's defaults, computed from the schema now rather than at every start
// (building the zod schema costs ~5 ms; see validate/style-schema.ts).
const { styleSchema } = await import('../dist/validate/style-schema.js');
const defaults = JSON.stringify(styleSchema().parse({}));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Also outside: what only one command uses (Word import, --watch), loaded from node_modules then.
  external: ['pdfkit', 'fontkit', 'pdfjs-dist', '@napi-rs/canvas', 'mammoth', 'jszip', 'chokidar'],
  define: { 'import.meta.url': '__bundleUrl', __YB_DEFAULT_STYLE__: JSON.stringify(defaults) },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [zodEnglishOnly],
  // A third less to read at every start (1.5 ms a build); names are kept, so stack traces
  // (--debug) still say which function.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['dist/cli/bin.js'], outfile: 'dist/bundle/bin.cjs' });
await build({ ...common, entryPoints: ['dist/batch/worker.js'], outfile: 'dist/bundle/worker.cjs' });
