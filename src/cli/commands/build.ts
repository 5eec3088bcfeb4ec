// `build`: options only; the work is loaded when the command runs.
import type { Command } from 'commander';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the PDF of one or more issues')
    .argument('<files...>', 'issue files (.yaml)')
    .option('-o, --output <file>', 'output PDF (one input only); default: the input with .pdf')
    .option('--style <file>', "a shared style file; the issue's own style block wins over it")
    .option('--color <mode>', 'rgb (default) or cmyk')
    .action(async (files: string[], opts: { output?: string; style?: string; color?: string }) => {
      const { runBuild } = await import('../build-command.js');
      process.exitCode = await runBuild(files, opts);
    });
}
