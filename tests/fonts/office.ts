// An office's own faces, made in a temp folder from the bundled faces: a .ttc of two
// members, a CFF .otf, and a face installed in a user font folder (HOME) under an English
// and a Chinese family name. Each covers only the characters issue 38 needs of it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE } from '../helpers/paths.js';
import { makeCffOtf, makeTtc, makeTtf, SERIF, SANS_BOLD } from './make-font.js';

const require = createRequire(import.meta.url);
export const SERIF_BLACK = require.resolve('@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf');

interface Ex {
  masthead: { title: string };
  sections: { heading: string; items: { title?: string; body: string }[] }[];
}
export const example = parse(readFileSync(EXAMPLE, 'utf8')) as Ex;

const han = (s: string) => [...new Set(s.replace(/\s/g, ''))].join('');
export const titleChars = han(example.masthead.title);
export const headingChars = han('【】' + example.sections.map((s) => s.heading).join(''));
/** About half the distinct characters of the bodies: the rest falls back to Noto Serif SC. */
export const bodyChars = han(example.sections.flatMap((s) => s.items.map((i) => i.body)).join('')).slice(0, 300);

export interface Office {
  dir: string;
  home: string;
  style: string;
  /** Environment for a CLI run that sees the office's user font folder. */
  env: Record<string, string>;
}

export function makeOffice(style: string): Office {
  const dir = mkdtempSync(join(tmpdir(), 'yb-office-'));
  const home = join(dir, 'home');
  const userFonts = join(home, '.local', 'share', 'fonts', 'office');
  mkdirSync(userFonts, { recursive: true });
  mkdirSync(join(dir, 'fonts'));
  writeFileSync(
    join(dir, 'fonts', 'office.ttc'),
    makeTtc([
      { source: SERIF, chars: titleChars, names: { family: 'YB Kai', postscript: 'YBKai-Regular', familyZh: '楷体_YB' } },
      { source: SERIF_BLACK, chars: titleChars, names: { family: 'YB XiaoBiaoSong', postscript: 'YBXiaoBiaoSong-Regular', familyZh: '小标宋_YB' } },
    ]),
  );
  writeFileSync(join(dir, 'fonts', 'yb-hei.otf'), makeCffOtf(SANS_BOLD, headingChars, { family: 'YB Hei', style: 'Bold', postscript: 'YBHei-Bold', weight: 700 }));
  writeFileSync(join(userFonts, 'yb-fangsong.ttf'), makeTtf(SERIF, bodyChars, { family: 'YB FangSong', postscript: 'YBFangSong-Regular', familyZh: '仿宋_YB' }));
  const styleFile = join(dir, 'style.yaml');
  writeFileSync(styleFile, style);
  return { dir, home, style: styleFile, env: { HOME: home, XDG_DATA_HOME: '', SOURCE_DATE_EPOCH: '' } };
}

/** The PDF's font dictionaries, from the raw bytes: subset BaseFont names and font file kinds. */
export function embeddedFonts(pdf: Buffer): Array<{ name: string; file: 'FontFile2' | 'FontFile3' | 'none'; subtype?: string }> {
  const raw = pdf.toString('latin1');
  const out: Array<{ name: string; file: 'FontFile2' | 'FontFile3' | 'none'; subtype?: string }> = [];
  for (const m of raw.matchAll(/<<[^<>]*\/Type \/FontDescriptor[^<>]*>>/g)) {
    const name = /\/FontName \/([A-Z]{6}\+\S+)/.exec(m[0])?.[1];
    if (!name) continue;
    const file = /\/FontFile3/.test(m[0]) ? 'FontFile3' : /\/FontFile2/.test(m[0]) ? 'FontFile2' : 'none';
    let subtype: string | undefined;
    const ref = /\/FontFile[23] (\d+) 0 R/.exec(m[0]);
    const dict = ref && new RegExp(`\\n${ref[1]} 0 obj\\s*<<([^<>]*)>>\\s*stream`).exec(raw)?.[1];
    if (dict) subtype = /\/Subtype \/(\w+)/.exec(dict)?.[1];
    out.push({ name: name.slice(7), file, subtype });
  }
  return out;
}
