// Tests run the command line as users do, so build it once before they start: compile,
// then bundle (the installed command runs the bundle).
import { execFileSync } from 'node:child_process';
import { ROOT } from './helpers/paths.js';

export default function setup(): void {
  execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', ROOT], { stdio: 'inherit' });
  execFileSync(process.execPath, [`${ROOT}/scripts/bundle.mjs`], { stdio: 'inherit', cwd: ROOT });
}
