// One run of the command line, as a function: parse the arguments, run the command, and
// turn what it threw into what the clerk reads and an exit code (0 success, 1 an input or
// render error, 2 a usage error). bin/main.ts runs it for the process; tests run it
// in-process, with streams of their own.
import { CommanderError } from 'commander';
import { UsageError, UserError } from '../errors.js';
import { createProgram } from './program.js';
import { withIo, type RunIo } from './redirect-io.js';

export type { RunIo } from './redirect-io.js';

export async function run(argv: string[], io?: RunIo): Promise<number> {
  return io ? withIo(io, () => runHere(argv)) : runHere(argv);
}

async function runHere(argv: string[]): Promise<number> {
  const before = process.exitCode;
  process.exitCode = undefined;
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    return report(e, !!program.opts().debug);
  } finally {
    process.exitCode = before;
  }
}

function report(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (e instanceof UsageError) {
    process.stderr.write(`yanjin-bulletin: ${e.message}\n`);
    return 2;
  }
  if (e instanceof UserError) {
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  process.stderr.write(`yanjin-bulletin: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (debug) process.stderr.write(`${(e as Error)?.stack}\n`);
  else process.stderr.write('(run again with --debug for the details, and report it)\n');
  return 1;
}
