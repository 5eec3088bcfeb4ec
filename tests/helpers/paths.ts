import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'dist', 'bundle', 'bin.cjs');
export const EXAMPLE = join(ROOT, 'examples', 'issue38.yaml');
