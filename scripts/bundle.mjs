#!/usr/bin/env node
// Bundle the compiled command line (dist/cli/main.js) with its pure-JavaScript
// dependencies (commander, yaml, zod) into dist/bundle/main.cjs, which dist/cli/bin.js
// runs through V8's code cache; and the batch worker likewise (dist/bundle/worker.cjs). Packages that read their own data files or load native
// code stay outside and are required from node_modules at run time.
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

// commander loads child_process (and with it net, dgram …) for subcommands that are
// programs of their own, which this program has none of: load it only if it is used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (a) => (/[\\/]commander[\\/]/.test(a.importer) ? { path: 'child_process', namespace: 'lazy-cp' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-cp' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, k) => require('node:child_process')[k] });",
      loader: 'js',
    }));
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
  external: ['fontkit', 'pdfjs-dist', '@napi-rs/canvas', 'mammoth'],
  define: { 'import.meta.url': '__bundleUrl', __YB_DEFAULT_STYLE__: JSON.stringify(defaults) },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [zodEnglishOnly, lazyChildProcess],
  // A third less to read at every start (1.5 ms a build); names are kept, so stack traces
  // (--debug) still say which function.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['dist/cli/main.js'], outfile: 'dist/bundle/main.cjs' });
// The command itself (package.json's bin): cli/bin.ts as CommonJS, which starts sooner.
await build({ ...common, entryPoints: ['dist/cli/bin.js'], outfile: 'dist/bundle/bin.cjs', external: [...common.external, './main.js'] });
// A batch worker thread's own bundle (batch/worker-launch.ts runs it).
await build({ ...common, entryPoints: ['dist/batch/worker.js'], outfile: 'dist/bundle/worker.cjs' });
