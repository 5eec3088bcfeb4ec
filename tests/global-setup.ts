// Tests run the command line as users do, so compile it once before they start.
import { execFileSync } from 'node:child_process';
import { ROOT } from './helpers/paths.js';

export default function setup(): void {
  execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, '-p', ROOT], { stdio: 'inherit' });
}
