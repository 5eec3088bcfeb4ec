// `yanjin-bulletin validate FILE…`: every problem in every file, without rendering.
import { UserError } from '../errors.js';
import { prepareIssue } from '../batch/build-issue.js';

export async function runValidate(files: string[], flags: { style?: string }): Promise<number> {
  let bad = 0;
  for (const file of files) {
    try {
      const p = prepareIssue(file, { styleFile: flags.style });
      for (const n of p.notices) process.stderr.write(`${file}: notice: ${n}\n`);
      process.stdout.write(`${file}: ok\n`);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      process.stderr.write(`${e.message}\n`);
      bad++;
    }
  }
  return bad ? 1 : 0;
}
