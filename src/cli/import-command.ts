// `yanjin-bulletin import FILE.txt|FILE.docx [-o OUT.yaml] [--force]`
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { writeAtomic } from '../write/atomic.js';

export interface ImportFlags {
  output?: string;
  force?: boolean;
}

function defaultImportOutput(input: string): string {
  return input.replace(/\.(txt|text|docx)$/i, '') + '.yaml';
}

export async function runImport(file: string, flags: ImportFlags): Promise<number> {
  if (!file.trim()) throw new UsageError('import takes a .txt or .docx file, and was given an empty name');
  const out = flags.output ?? defaultImportOutput(file);
  if (resolve(out) === resolve(file)) throw new UserError({ file, message: 'the output would replace the input', hint: 'name another output with -o' });
  refuseOverwrite(out, flags.force);
  // Loaded here, not at the top: `new` shares this module's file helpers and needs no readers.
  const { importFile } = await import('../import/import-file.js');
  const r = await importFile(file);
  for (const n of r.notes) {
    // A text file's notes point at lines (file:21, as editors jump to); Word's at paragraphs.
    const where = !n.at ? file : r.place === 'line' ? `${file}:${n.at}` : `${file}: paragraph ${n.at}`;
    process.stderr.write(`${where}: ${n.level}: ${n.message}\n`);
  }
  writeText(out, r.yaml);
  const items = r.issue.sections.reduce((k, s) => k + s.items.length, 0);
  const warnings = r.notes.filter((n) => n.level === 'warning').length;
  process.stdout.write(`${out}: ${r.issue.sections.length} sections, ${items} items${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''} to check` : ''}\n`);
  return 0;
}

export function refuseOverwrite(out: string, force: boolean | undefined): void {
  const st = statQuietly(out);
  if (st?.isDirectory() || /[\\/]$/.test(out)) {
    throw new UserError({ file: out, message: 'this is a folder; -o names the issue file to write', hint: `name the file itself, for example ${out.replace(/[\\/]+$/, '')}/issue.yaml` });
  }
  if (!force && st) {
    throw new UserError({ file: out, message: 'the file already exists; it was left as it is', hint: 'pass --force to replace it, or name another file with -o' });
  }
}

export function writeText(out: string, text: string): void {
  writeAtomic(out, new TextEncoder().encode(text), { what: 'the issue file' });
}

function statQuietly(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
