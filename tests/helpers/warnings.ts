// The proofreader's warnings (and their hints) taken out of what a command said, for
// tests that check the rest of it: the seed's own 辦 is warned about on every build.
export function withoutWarnings(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l, i, all) => !/: warning: /.test(l) && !(l.startsWith('    hint: ') && /: warning: /.test(all[i - 1] ?? '')))
    .join('\n');
}
