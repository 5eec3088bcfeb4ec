// `validate`: check issue files without rendering.
import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check issue files without rendering')
    .argument('<files...>', 'issue files (.yaml)')
    .option('--style <file>', 'a shared style file to check with them')
    .action(async (files: string[], opts: { style?: string }) => {
      const { runValidate } = await import('../validate-command.js');
      process.exitCode = await runValidate(files, opts);
    });
}
