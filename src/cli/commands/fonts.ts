// `fonts`: which faces each role resolves to, and which characters of an issue none has.
import type { Command } from 'commander';

export function registerFonts(program: Command): void {
  program
    .command('fonts')
    .description('list the faces each role resolves to; with an issue file, the characters no face covers')
    .argument('[issue]', 'an issue file (.yaml) whose characters to check')
    .option('--style <file>', 'a shared style file')
    .action(async (issue: string | undefined, opts: { style?: string }) => {
      const { runFonts } = await import('../fonts-command.js');
      process.exitCode = await runFonts(issue, opts);
    });
}
