#!/usr/bin/env node
// yanjin-bulletin: the command line. Each command loads only what it needs, so that
// `build` of one issue starts fast.
import '../install-code-cache.js'; // first: the modules below load through the code cache
import { Command, CommanderError } from 'commander';
import { UsageError, UserError } from '../errors.js';
import { mark } from '../timings.js';
import { registerBuild } from './commands/build.js';
import { registerValidate } from './commands/validate.js';
import { registerImport } from './commands/import.js';
import { registerNew } from './commands/new.js';
import { registerFonts } from './commands/fonts.js';

const program = new Command();
let debug = false;

program
  .name('yanjin-bulletin')
  .description('Typeset a county-government bulletin (简报) from a YAML issue file into a print-ready A4 PDF')
  .version('0.1.0')
  .option('--debug', 'show stack traces for internal errors')
  .exitOverride()
  .showHelpAfterError('(run yanjin-bulletin --help for the commands, or yanjin-bulletin help COMMAND for its options)')
  // Held until the command is known: with --json, a usage error is reported as JSON.
  .configureOutput({ writeErr: (s) => void (commanderSaid += s) });

let commanderSaid = '';

/** Whether the command that ran (or failed to parse) was given --json. */
function wantsJson(): boolean {
  return program.commands.some((c) => c.opts().json === true);
}

function usageError(message: string): void {
  if (wantsJson()) process.stdout.write(JSON.stringify({ error: 'usage', message }, null, 2) + '\n');
  else process.stderr.write(`yanjin-bulletin: ${message}\n`);
  process.exitCode = 2;
}

registerBuild(program);
registerValidate(program);
registerImport(program);
registerNew(program);
registerFonts(program);

// `validate *.yaml | head`: a reader that stops early is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

async function main() {
  mark('program loaded');
  debug = process.argv.includes('--debug');
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode !== 0 && wantsJson()) usageError(e.message.replace(/^error: /, ''));
      else process.stderr.write(commanderSaid);
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof UsageError) {
      usageError(e.message);
      return;
    }
    if (e instanceof UserError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`yanjin-bulletin: internal error: ${(e as Error).message}\n`);
    if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    else process.stderr.write('(run again with --debug for the details, and report it)\n');
    process.exitCode = 1;
  }
}

void main().then(() => {
  // Exit now rather than when V8's background threads are done (they may still be
  // compiling); unless output is still waiting to be written (pipes on Windows).
  if (!watching() && !process.stdout.writableLength && !process.stderr.writableLength) process.exit();
});

function watching(): boolean {
  return process.argv.includes('--watch');
}
