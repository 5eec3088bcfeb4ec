// `bind`: options only; the work is loaded when the command runs.
import type { Command } from 'commander';

export function registerBind(program: Command): void {
  program
    .command('bind')
    .description('bind many issues into one volume (合订本): title page, contents, running page numbers, bookmarks')
    .argument('<inputs...>', 'issue files, folders (every issue .yaml below) or globs')
    .requiredOption('-o, --output <file>', 'the volume PDF')
    .option('--title <text>', 'title of the title page (default: 《<masthead title>》<year> 年合订本)')
    .option('--contents <depth>', 'contents lines under each issue: issues (none), sections or items', 'sections')
    .option('--recto', 'start every issue on a recto (odd) page, with a blank page before it where needed')
    .option('--style <file>', "a shared style file; each issue's own style block wins over it")
    .option('--color <mode>', 'rgb (default) or cmyk')
    .option('--pdfa', 'PDF/A-2b for the archive')
    .option('-q, --quiet', 'say nothing but warnings and failures')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const { runBind } = await import('../bind-command.js');
      process.exitCode = await runBind(files, cmd.optsWithGlobals());
    });
}
