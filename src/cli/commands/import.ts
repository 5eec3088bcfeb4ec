// `import`: options only; the readers (and mammoth for Word) load when the command runs.
import type { Command } from 'commander';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('turn a back issue (.txt copied out of a PDF, or a Word .docx) into an issue file')
    .argument('<file>', 'the back issue: .txt (UTF-8 or GBK) or .docx')
    .option('-o, --output <file>', 'the issue file to write; default: the input with .yaml')
    .option('--force', 'replace the output file if it exists')
    .action(async (file: string, opts: { output?: string; force?: boolean }) => {
      const { runImport } = await import('../import-command.js');
      process.exitCode = await runImport(file, opts);
    });
}
