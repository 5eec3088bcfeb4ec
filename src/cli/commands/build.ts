// `build`: options only; the work is loaded when the command runs.
import type { Command } from 'commander';
import { collectFontPath } from '../font-path.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the PDF of one or more issues')
    .argument('<inputs...>', 'issue files, folders (every issue .yaml below) or globs')
    .option('-o, --output <file>', 'output PDF (one input only); default: the input with .pdf')
    .option('--out-dir <dir>', 'write the PDFs here, mirroring the folders of the inputs')
    .option('-j, --jobs <n>', 'issues built at a time, on this thread and worker threads (default: one, and one more per 100 issues up to the cores)')
    .option('--shard <k/n>', 'build only part K of N (a stable split for a CI matrix)')
    .option('--prune', 'remove the PDFs whose issue file is gone (they are reported without it)')
    .option('--force', 'build even the issues whose PDF is up to date')
    .option('--watch', 'build, then rebuild an issue when it or its style file changes')
    .option('-q, --quiet', 'say nothing but failures and warnings')
    .option('--json', 'print a machine-readable report on stdout')
    .option('--strict', 'fail an issue that has warnings (for CI, and before printing)')
    .option('--style <file>', "a shared style file; the issue's own style block wins over it")
    .option('--font-path <dir>', 'a folder of faces for this run (may be given more than once)', collectFontPath)
    .option('--color <mode>', 'rgb (default) or cmyk')
    .option('--pdfa', 'PDF/A-2b for the archive')
    .option('--preview', 'also write a PNG of each page beside the PDF (issue-1.png, …)')
    .option('--preview-dpi <dpi>', 'resolution of the previews (default 96; implies --preview)')
    .action(async (files: string[], opts: import('../build-command.js').BuildFlags, cmd: Command) => {
      const { runBuild } = await import('../build-command.js');
      process.exitCode = await runBuild(files, { ...opts, debug: cmd.optsWithGlobals().debug === true });
    });
}
