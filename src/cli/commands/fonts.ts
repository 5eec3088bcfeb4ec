// `fonts`: which faces each role resolves to, and which characters of an issue none has.
import type { Command } from 'commander';
import { collectFontPath } from '../font-path.js';

export function registerFonts(program: Command): void {
  program
    .command('fonts')
    .description('list the faces each role resolves to and the families installed; with an issue file, the characters no face covers')
    .argument('[issue]', 'an issue file (.yaml) whose characters to check')
    .option('--style <file>', 'a shared style file')
    .option('--font-path <dir>', 'a folder of faces for this run (may be given more than once)', collectFontPath)
    .action(async (issue: string | undefined, opts: { style?: string; fontPath?: string[] }) => {
      const { runFonts } = await import('../fonts-command.js');
      process.exitCode = await runFonts(issue, opts);
    });
}
