// `validate`: check issue files without rendering; takes what `build` takes.
import type { Command } from 'commander';
import { collectFontPath } from '../font-path.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check issue files without rendering')
    .argument('<inputs...>', 'issue files, folders (every issue .yaml below) or globs, as build takes')
    .option('--style <file>', 'a shared style file to check with them')
    .option('--font-path <dir>', 'a folder of faces for this run (may be given more than once)', collectFontPath)
    .option('--strict', 'count the warnings as errors (for CI, and before printing)')
    .option('-q, --quiet', 'say nothing but problems and warnings')
    .option('--json', 'print a machine-readable report on stdout')
    .action(async (files: string[], opts: import('../validate-command.js').ValidateFlags) => {
      const { runValidate } = await import('../validate-command.js');
      process.exitCode = await runValidate(files, opts);
    });
}
