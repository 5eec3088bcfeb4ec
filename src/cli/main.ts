#!/usr/bin/env node
// yanjin-bulletin: the command line. Each command loads only what it needs, so that
// `build` of one issue starts fast.
import { Command, CommanderError } from 'commander';
import { UsageError, UserError } from '../errors.js';
import { mark } from '../timings.js';
import { registerBuild } from './commands/build.js';
import { registerValidate } from './commands/validate.js';
import { registerImport } from './commands/import.js';
import { registerNew } from './commands/new.js';
import { registerFonts } from './commands/fonts.js';

const program = new Command();

program
  .name('yanjin-bulletin')
  .description('Typeset a county-government bulletin (简报) from a YAML issue file into a print-ready A4 PDF')
  .version('0.1.0')
  .option('--debug', 'show stack traces for internal errors')
  .exitOverride()
  .showHelpAfterError('(run yanjin-bulletin --help for the commands, or yanjin-bulletin help COMMAND for its options)')
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

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
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`yanjin-bulletin: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (e instanceof UserError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`yanjin-bulletin: internal error: ${(e as Error).message}\n`);
    if (program.opts().debug) process.stderr.write(`${(e as Error).stack}\n`);
    else process.stderr.write('(run again with --debug for the details, and report it)\n');
    process.exitCode = 1;
  }
}

void main();
