// `new`: options only.
import type { Command } from 'commander';

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('start the next issue: the last one\'s masthead, distribution and staff, number + 1, the date its rhythm gives, sections to fill in')
    .option('--from <file>', 'the last issue (.yaml); without it, a blank template')
    .option('-o, --output <file>', 'the file to write; default: issue<N>.yaml beside --from, or new-issue.yaml')
    .option('--force', 'replace the output file if it exists')
    .action(async (opts: { from?: string; output?: string; force?: boolean }) => {
      const { runNew } = await import('../new-command.js');
      process.exitCode = await runNew(opts);
    });
}
