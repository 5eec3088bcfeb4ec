// The command line declared in one place: the commands and the global options.
import { Command } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerValidate } from './commands/validate.js';
import { registerImport } from './commands/import.js';
import { registerNew } from './commands/new.js';
import { registerFonts } from './commands/fonts.js';
import { registerBind } from './commands/bind.js';

/**
 * A fresh parser: commander keeps the values of the options it parsed, so one per run.
 * What commander says about a usage error is held in `said` until the command is known:
 * with --json, a usage error is reported as JSON (see run.ts).
 */
export function createProgram(said: { text: string } = { text: '' }): Command {
  const program = new Command();
  program
    .name('yanjin-bulletin')
    .description('Typeset a county-government bulletin (简报) from a YAML issue file into a print-ready A4 PDF')
    .version('0.1.0')
    .option('--debug', 'show stack traces for internal errors')
    .exitOverride()
    .showHelpAfterError('(run yanjin-bulletin --help for the commands, or yanjin-bulletin help COMMAND for its options)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => void (said.text += s) });
  registerBuild(program);
  registerValidate(program);
  registerImport(program);
  registerNew(program);
  registerFonts(program);
  registerBind(program);
  return program;
}
