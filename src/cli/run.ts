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
  const said = { text: '' };
  const program = createProgram(said);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    // With --json, a usage error is reported as JSON on standard output.
    const json = program.commands.some((c) => c.opts().json === true);
    return report(e, !!program.opts().debug, json, said.text);
  } finally {
    process.exitCode = before;
  }
}

function usageError(message: string, json: boolean): number {
  if (json) process.stdout.write(JSON.stringify({ error: 'usage', message }, null, 2) + '\n');
  else process.stderr.write(`yanjin-bulletin: ${message}\n`);
  return 2;
}

function report(e: unknown, debug: boolean, json: boolean, commanderSaid: string): number {
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return 0;
    if (json) return usageError(e.message.replace(/^error: /, ''), true);
    process.stderr.write(commanderSaid);
    return 2;
  }
  if (e instanceof UsageError) return usageError(e.message, json);
  if (e instanceof UserError) {
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  process.stderr.write(`yanjin-bulletin: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (debug) process.stderr.write(`${(e as Error)?.stack}\n`);
  else process.stderr.write('(run again with --debug for the details, and report it)\n');
  return 1;
}
