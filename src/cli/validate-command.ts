// `yanjin-bulletin validate FILE…`: every problem in every file, without rendering.
// Besides the file's shape and values, the faces are opened and every character checked
// against them, so a file that validates does not fail later for a missing glyph.
import { UserError } from '../errors.js';
import { prepareIssue, openFaces, textFields } from '../build-issue.js';
import { checkCoverage } from '../fonts/coverage.js';
import { noticesFor } from '../load/load-file.js';

export async function runValidate(files: string[], flags: { style?: string }): Promise<number> {
  let bad = 0;
  for (const file of files) {
    let notified = false;
    try {
      const opts = { styleFile: flags.style };
      const p = prepareIssue(file, opts);
      for (const n of p.notices) process.stderr.write(`${file}: notice: ${n}\n`);
      notified = true;
      const missing = checkCoverage(textFields(p), await openFaces(p, opts), file);
      if (missing.length) throw new UserError(missing);
      process.stdout.write(`${file}: ok\n`);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // A file read as GBK says so, most of all when something in it is wrong.
      if (!notified) for (const n of noticesFor(file)) process.stderr.write(`${file}: notice: ${n}\n`);
      process.stderr.write(`${e.message}\n`);
      bad++;
    }
  }
  return bad ? 1 : 0;
}
