// An in-process run (the tests) with its own output, folder and environment. The commands
// write to process.stdout and process.stderr and read process.cwd() and process.env, as a
// command line does; for the length of the run those point at the caller's. Runs are
// queued, as they share the one process.

export interface RunIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd?: string;
  /** Set for the run (undefined: removed for the run). */
  env?: Record<string, string | undefined>;
}

let queue: Promise<unknown> = Promise.resolve();

export function withIo<T>(io: RunIo, fn: () => Promise<T>): Promise<T> {
  const next = queue.then(() => redirected(io, fn));
  queue = next.catch(() => undefined);
  return next;
}

async function redirected<T>(io: RunIo, fn: () => Promise<T>): Promise<T> {
  const writes = [process.stdout.write, process.stderr.write] as const;
  const cwd = process.cwd();
  const env = Object.fromEntries(Object.keys(io.env ?? {}).map((k) => [k, process.env[k]]));
  process.stdout.write = ((s: string | Uint8Array) => (io.stdout.write(text(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => (io.stderr.write(text(s)), true)) as typeof process.stderr.write;
  setEnv(io.env ?? {});
  try {
    if (io.cwd) process.chdir(io.cwd);
    return await fn();
  } finally {
    [process.stdout.write, process.stderr.write] = writes;
    process.chdir(cwd);
    setEnv(env);
  }
}

function setEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

const text = (s: string | Uint8Array) => (typeof s === 'string' ? s : Buffer.from(s).toString('utf8'));
