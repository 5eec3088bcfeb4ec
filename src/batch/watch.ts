// `build --watch`: build what is out of date, then watch the inputs and the style file
// with chokidar; on a change, build again what is out of date. chokidar follows what
// editors do: a save that writes a new file and renames it over the old (vim, gedit, most
// IDEs), and a folder deleted and made again. The up-to-date check decides what a change
// touches: an edited issue rebuilds that issue, an edited style file every issue.
// Rebuilds run in this thread, so the faces stay open between them.
import { watch } from 'chokidar';
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { globBase, isGlob } from './glob.js';
import { runBatch, type BatchRequest } from './run-batch.js';
import { forgetFontFolders } from '../fonts/lookup.js';

/** What to watch: (path, whether what is below it counts). */
function targets(req: BatchRequest): Array<[string, boolean]> {
  const cwd = req.cwd ?? process.cwd();
  const out = new Map<string, boolean>();
  const add = (p: string, rec: boolean) => out.set(p, (out.get(p) ?? false) || rec);
  for (const arg of req.args) {
    const abs = resolve(cwd, arg);
    let dir = false;
    let exists = true;
    try {
      dir = statSync(abs).isDirectory();
    } catch {
      exists = false;
    }
    if (dir) add(abs, true);
    else if (!exists && isGlob(arg)) add(resolve(cwd, globBase(arg).base), true);
    else add(dirname(abs), false);
  }
  if (req.opts.styleFile) add(dirname(resolve(cwd, req.opts.styleFile)), false);
  return [...out];
}

/** Issues, style files, and faces in a watched folder (its fonts/, say): one added or changed is seen. */
const WATCHED = /\.(ya?ml|txt|ttf|otf|ttc|otc|woff2?)$/i;

export async function watchBuild(req: BatchRequest): Promise<number> {
  const log = (s: string) => req.mode !== 'quiet' && process.stderr.write(s);
  let running = false;
  let again = false;
  const pass = async (first: boolean) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      // After the first pass, one edited issue at a time: here, faces already open (a face
      // file changed since is opened again), and the font folders looked at afresh.
      if (!first) forgetFontFolders();
      await runBatch({ ...req, incremental: true, force: first && req.force, jobs: first ? req.jobs : 1, mode: req.mode === 'bar' && !first ? 'lines' : req.mode, hideSkipped: !first });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      process.stderr.write(`yanjin-bulletin: ${e.message}\n`);
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      await pass(false);
    }
  };
  await pass(true);

  const roots = targets(req);
  const styleFile = req.opts.styleFile ? resolve(req.cwd ?? process.cwd(), req.opts.styleFile) : undefined;
  const under = (p: string, d: string) => p.startsWith(d.endsWith(sep) ? d : d + sep);
  // A watched folder's parent is watched too, so that the folder deleted and made again is seen.
  const inScope = (p: string) => roots.some(([d, below]) => p === d || (below ? under(p, d) : dirname(p) === d) || dirname(d) === p);
  // Hidden folders and node_modules below a watched folder are left out, as a batch leaves them.
  const hidden = (p: string) =>
    roots.every(([d]) => {
      const rel = relative(dirname(d), p);
      return rel.startsWith('..') || rel.split(sep).some((s) => s.startsWith('.') || s === 'node_modules');
    });
  const counts = (p: string) => inScope(p) && !hidden(p);
  const relevant = (p: string) => p === styleFile || (WATCHED.test(p) && roots.some(([d, below]) => (below ? under(p, d) : dirname(p) === d)));

  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    // Editors save in several steps; wait for the last.
    timer = setTimeout(() => void pass(false), 150);
  };
  const watcher = watch([...new Set(roots.map(([d]) => dirname(d)))], { ignoreInitial: true, ignored: (p: string) => !counts(resolve(p)) });
  watcher.on('all', (event, path) => {
    const p = resolve(path);
    if (relevant(p) || ((event === 'addDir' || event === 'unlinkDir') && roots.some(([d, below]) => below && (p === d || under(p, d))))) schedule();
  });
  watcher.on('error', (e) => process.stderr.write(`watching: ${(e as Error).message}\n`));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  log(`watching ${roots.length} folder${roots.length === 1 ? '' : 's'} for changes (Ctrl-C to stop)\n`);
  return new Promise<number>((done) => {
    const stop = () => {
      clearTimeout(timer);
      void watcher.close().then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
