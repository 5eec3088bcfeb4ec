// The temporary files an atomic write leaves beside its target until the rename:
// named `.NAME.PID.RANDOM.tmp`, removed if the process is stopped (SIGINT, SIGTERM),
// and, when a run was killed outright, removed by the next run that writes in that
// folder (the PID in the name says whether the process that made it is gone).
// Signals reach the main thread only: a batch worker tells it of its temporary files.
import { BroadcastChannel, isMainThread } from 'node:worker_threads';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-z]+\.tmp$/;

/** Temporary files of this thread not yet renamed into place. */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let listening = false;

/** Between the threads of a batch: `+path` a worker's new temporary file, `-path` one gone. */
let channel: BroadcastChannel | undefined;
function tell(message: string): void {
  if (!channel) {
    channel = new BroadcastChannel('yanjin-bulletin.temp-files');
    channel.unref();
  }
  channel.postMessage(message);
}

/** In the main thread, from the first worker on: keep the workers' temporary files with its own. */
export function hearWorkers(): void {
  if (!isMainThread || channel) return;
  channel = new BroadcastChannel('yanjin-bulletin.temp-files');
  channel.onmessage = (e) => {
    const m = String((e as { data: unknown }).data);
    if (m[0] === '+') add(m.slice(1));
    else settledHere(m.slice(1));
  };
  // Listening must not keep the process alive.
  channel.unref();
}

/** A fresh temporary name beside `target`, registered for removal if the process stops. */
export function tempBeside(target: string): string {
  const dir = dirname(target);
  cleanStale(dir);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // Absolute: the process may be in another folder by the time it is stopped.
  if (isMainThread) add(resolve(tmp));
  else tell(`+${resolve(tmp)}`);
  return tmp;
}

/** The temporary file is gone (renamed into place, or removed): forget it. */
export function settled(tmp: string): void {
  if (isMainThread) settledHere(resolve(tmp));
  else tell(`-${resolve(tmp)}`);
}

function add(tmp: string): void {
  pending.add(tmp);
  listen();
}

function settledHere(tmp: string): void {
  pending.delete(tmp);
  if (!pending.size) unlisten();
}

/** Remove a temporary file quietly: a failure here must not hide the one that matters. */
export function removeTemp(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch {
    /* the folder was never there */
  }
  settled(tmp);
}

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of [...pending]) removeTemp(tmp);
  unlisten();
  // Die of the signal as the process would have without us, unless someone else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function onExit(): void {
  for (const tmp of [...pending]) removeTemp(tmp);
}

// Handlers only while a write is under way: otherwise the signals keep their default meaning.
function listen(): void {
  if (listening) return;
  listening = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', onExit);
}

function unlisten(): void {
  if (!listening) return;
  listening = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', onExit);
}

/** Folders already swept by this process. */
const swept = new Set<string>();

/** Remove the temporary files of runs that were killed before they could clean up. */
function cleanStale(dir: string): void {
  const key = resolve(dir);
  if (swept.has(key)) return;
  swept.add(key);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // not there yet, or unreadable: the write itself says what is wrong
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (m && !alive(Number(m[1]))) {
      try {
        rmSync(join(dir, name), { force: true });
      } catch {
        /* not ours to remove after all */
      }
    }
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
