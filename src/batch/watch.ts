// `build --watch`: build what is out of date, then watch the folders of the inputs and
// the style file; on a change, build again what is out of date. The up-to-date check
// decides what a change touches: an edited issue rebuilds that issue, an edited style
// file every issue. Rebuilds run in this thread, so the faces stay open between them.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { globBase, isGlob } from './glob.js';
import { runBatch, type BatchRequest } from './run-batch.js';

/** Folders to watch: (path, recursive). */
function targets(req: BatchRequest): Array<[string, boolean]> {
  const cwd = req.cwd ?? process.cwd();
  const out = new Map<string, boolean>();
  const add = (p: string, rec: boolean) => out.set(p, (out.get(p) ?? false) || rec);
  for (const arg of req.args) {
    const abs = resolve(cwd, arg);
    let dir = false;
    try {
      dir = statSync(abs).isDirectory();
    } catch {
      /* a glob or a missing file */
    }
    if (dir) add(abs, true);
    else if (isGlob(arg) && !safeExists(abs)) add(resolve(cwd, globBase(arg).base), true);
    else add(dirname(abs), false);
  }
  if (req.opts.styleFile) add(dirname(resolve(cwd, req.opts.styleFile)), false);
  return [...out];
}

function safeExists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

const WATCHED = /\.(ya?ml|txt)$/i;

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
      // After the first pass, one edited issue at a time: here, faces already open.
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

  const styleName = req.opts.styleFile ? basename(req.opts.styleFile) : undefined;
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const [dir, recursive] of targets(req)) {
    try {
      const w = watch(dir, { recursive }, (_ev, name) => {
        // Our own PDFs and temporary files land here too: only sources count.
        const n = name?.toString() ?? '';
        if (!(WATCHED.test(n) || n === styleName) || basename(n).startsWith('.')) return;
        clearTimeout(timer);
        // Editors save in several steps; wait for the last.
        timer = setTimeout(() => void pass(false), 150);
      });
      watchers.push(w);
    } catch (e) {
      process.stderr.write(`cannot watch ${dir}: ${(e as Error).message}\n`);
    }
  }
  log(`watching ${watchers.length} folder${watchers.length === 1 ? '' : 's'} for changes (Ctrl-C to stop)\n`);
  return new Promise<number>((done) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      done(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
