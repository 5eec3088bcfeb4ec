// The default faces, installed from npm with the project (OFL-1.1).
import { createRequire } from 'node:module';
import type { Role } from '../validate/style-schema.js';

const require = createRequire(import.meta.url);

const pkg = (family: 'serif' | 'sans', dir: string, file: string) =>
  () => require.resolve(`@expo-google-fonts/noto-${family}-sc/${dir}/${file}`);

const SERIF_WEIGHTS: Array<[string, string, string[]]> = [
  ['400Regular', 'Regular', ['Noto Serif SC', 'Noto Serif SC Regular']],
  ['700Bold', 'Bold', ['Noto Serif SC Bold']],
  ['900Black', 'Black', ['Noto Serif SC Black']],
];
const SANS_WEIGHTS: Array<[string, string, string[]]> = [
  ['400Regular', 'Regular', ['Noto Sans SC', 'Noto Sans SC Regular']],
  ['700Bold', 'Bold', ['Noto Sans SC Bold']],
  ['900Black', 'Black', ['Noto Sans SC Black']],
];

function faces(): Array<{ names: string[]; file: () => string }> {
  const out: Array<{ names: string[]; file: () => string }> = [];
  for (const [dir, w, names] of SERIF_WEIGHTS)
    out.push({ names: [...names, `NotoSerifSC-${w}`], file: pkg('serif', dir, `NotoSerifSC_${dir}.ttf`) });
  for (const [dir, w, names] of SANS_WEIGHTS)
    out.push({ names: [...names, `NotoSansSC-${w}`], file: pkg('sans', dir, `NotoSansSC_${dir}.ttf`) });
  return out;
}

/** The families of the bundled faces. */
export function bundledFamilies(): string[] {
  return [SANS_WEIGHTS[0][2][0], SERIF_WEIGHTS[0][2][0]];
}

/** The bundled face a name stands for, or undefined. Names compare without case or spaces. */
export function bundledFace(name: string): string | undefined {
  const key = norm(name);
  for (const f of faces()) if (f.names.some((n) => norm(n) === key)) return f.file();
  return undefined;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** FORMAT.md's default face for each role. */
export const DEFAULT_FACES: Record<Role, string> = {
  masthead: 'Noto Serif SC Black',
  heading: 'Noto Sans SC Bold',
  lead: 'Noto Sans SC Bold',
  body: 'Noto Serif SC',
  source: 'Noto Serif SC',
  end: 'Noto Serif SC',
  folio: 'Noto Serif SC',
};
