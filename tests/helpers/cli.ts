// Run the command line and capture what it says: in this process (fast: the program and
// the faces stay loaded between runs), or as a process of its own where that is what a
// test is about (exit by signal, worker threads, NODE_OPTIONS, the built command itself).
import { spawnSync } from 'node:child_process';
import { run } from '../../src/cli/run.js';
import { CLI } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** The command line, run in-process unless it needs a process of its own (see needsProcess). */
export async function cli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  if (needsProcess(args, opts)) return cliProcess(args, opts);
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: opts.cwd,
    env: opts.env,
  });
  return { code, stdout, stderr };
}

/** The built command as a user runs it, in a process of its own. */
export function cliProcess(args: string[], opts: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Worker threads start from the built files, and NODE_OPTIONS or --watch act on a process. */
function needsProcess(args: string[], opts: CliOptions): boolean {
  const jobs = args.indexOf('--jobs') >= 0 ? args[args.indexOf('--jobs') + 1] : args.indexOf('-j') >= 0 ? args[args.indexOf('-j') + 1] : undefined;
  return (jobs !== undefined && Number(jobs) > 1) || args.includes('--watch') || !!opts.env?.NODE_OPTIONS;
}
