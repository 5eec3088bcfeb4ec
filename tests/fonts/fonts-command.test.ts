// `yanjin-bulletin fonts` and the errors about face entries, as a user meets them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { makeCffOtf, makeOtc, makeTtf, SANS_BOLD, SERIF } from './make-font.js';
import { embeddedFonts, headingChars, SERIF_BLACK, titleChars } from './office.js';
import { withoutWarnings } from '../helpers/warnings.js';

let dir: string;
const env = { SOURCE_DATE_EPOCH: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yb-fontscmd-'));
  mkdirSync(join(dir, 'house'));
  writeFileSync(join(dir, 'house', 'var.ttf'), makeTtf(SERIF_BLACK, titleChars, { family: 'YB Var', postscript: 'YBVar-Regular', variable: true }));
  writeFileSync(
    join(dir, 'house', 'pair.otc'),
    makeOtc([
      { source: SERIF, chars: titleChars, names: { family: 'YB Otc A', postscript: 'YBOtcA-Regular' } },
      { source: SANS_BOLD, chars: headingChars, names: { family: 'YB Otc B', postscript: 'YBOtcB-Bold', weight: 700 } },
    ]),
  );
  writeFileSync(join(dir, 'house', 'cff2.otf'), makeCffOtf(SERIF, titleChars, { family: 'YB CFF2', postscript: 'YBCFF2-Regular' }, { cff2: true }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fonts', () => {
  it('lists each role and the bundled faces of the house style', async () => {
    const r = await cli(['fonts'], { env });
    expect(r.code).toBe(0);
    const roles = [...r.stdout.matchAll(/^(\w+):\n {2}1\. (\S+) {2}(\S+) {2}\((.*)\)$/gm)].map((m) => [m[1], m[2], m[4]]);
    expect(roles).toEqual([
      ['masthead', 'NotoSerifSC-Black', 'bundled'],
      ['heading', 'NotoSansSC-Bold', 'bundled'],
      ['lead', 'NotoSansSC-Bold', 'bundled'],
      ['body', 'NotoSerifSC-Regular', 'bundled'],
      ['source', 'NotoSerifSC-Regular', 'bundled'],
      ['end', 'NotoSerifSC-Regular', 'bundled'],
      ['folio', 'NotoSerifSC-Regular', 'bundled'],
    ]);
    expect(r.stdout).toMatch(/NotoSerifSC_900Black\.ttf/);
  });

  it('points at the entry in the style file that names no face', async () => {
    const style = join(dir, 'house', 'bad.yaml');
    writeFileSync(style, 'fonts:\n  body:\n    - Noto Serif SC\n    - 方正仿宋_不存在\n');
    const r = await cli(['fonts', '--style', style], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${style}:4:7: fonts\\.body\\[1\\]: no face named "方正仿宋_不存在" \\(looked in the bundled faces, the fonts folders \\(${join(dir, 'house', 'fonts')}, `));
  });

  it('points at the entry in the issue\'s own style block, when the issue names it', async () => {
    const issue = join(dir, 'issue.yaml');
    writeFileSync(issue, readFileSync(EXAMPLE, 'utf8') + '\nstyle:\n  fonts:\n    masthead: fonts/missing.ttf\n');
    const lines = readFileSync(issue, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('fonts/missing.ttf')) + 1;
    const r = await cli(['build', issue, '-o', join(dir, 'x.pdf')], { env });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${issue}:${line}:15: style.fonts.masthead: font file not found: ${join(dir, 'fonts', 'missing.ttf')}`);
  });

  it('refuses a CFF2 face at the entry that names it', async () => {
    const style = join(dir, 'house', 'cff2.yaml');
    writeFileSync(style, 'fonts:\n  masthead: cff2.otf\n');
    const r = await cli(['build', EXAMPLE, '--style', style, '-o', join(dir, 'y.pdf')], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${style}:2:13: fonts.masthead: ${join(dir, 'house', 'cff2.otf')} has CFF2 (variable) outlines`);
  });

  it('embeds a TrueType variable font at its default instance, and `fonts` says so', async () => {
    const style = join(dir, 'house', 'var.yaml');
    writeFileSync(style, 'fonts:\n  masthead: var.ttf\n');
    const out = join(dir, 'var.pdf');
    const r = await cli(['build', EXAMPLE, '--style', style, '-o', out], { env });
    expect(withoutWarnings(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    expect(embeddedFonts(readFileSync(out)).find((f) => f.name === 'YBVar-Regular')).toEqual({ name: 'YBVar-Regular', file: 'FontFile2', subtype: undefined });
    const f = await cli(['fonts', '--style', style], { env });
    expect(f.stdout).toMatch(/masthead:\n {2}1\. YBVar-Regular .*var\.ttf {2}\(file, variable font, used at its default instance \(wght 400\)\)\n/);
  });

  it('embeds a member of a CFF collection (.otc) as FontFile3', async () => {
    const style = join(dir, 'house', 'otc.yaml');
    writeFileSync(style, 'fonts:\n  heading: pair.otc#YBOtcB-Bold\n');
    const out = join(dir, 'otc.pdf');
    const r = await cli(['build', EXAMPLE, '--style', style, '-o', out], { env });
    expect(withoutWarnings(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    const fonts = embeddedFonts(readFileSync(out));
    expect(fonts.find((f) => f.name.startsWith('YBOtc'))).toEqual({ name: 'YBOtcB-Bold', file: 'FontFile3', subtype: 'CIDFontType0C' });
    expect(fonts.filter((f) => f.name.startsWith('YBOtc'))).toHaveLength(1);
  });
});

describe('fonts --font-path, and the installed families', () => {
  it('lists the families installed besides the faces of the roles, and --font-path adds a folder for one run', async () => {
    const faces = join(dir, 'faces');
    mkdirSync(faces, { recursive: true });
    writeFileSync(join(faces, 'office.ttf'), makeTtf(SERIF_BLACK, titleChars, { family: 'YB Office', postscript: 'YBOffice-Regular' }));
    const plain = await cli(['fonts'], { env });
    expect(plain.stdout).toMatch(/\nfamilies installed \(\d+\):\n {2}Noto Sans SC {2}\(bundled\)\n {2}Noto Serif SC {2}\(bundled\)\n/);
    expect(plain.stdout).not.toContain('YB Office');
    const more = await cli(['fonts', '--font-path', faces], { env });
    expect(more.code).toBe(0);
    expect(more.stdout).toContain('\n  YB Office  (fonts folder)\n');
  });

  it('build finds a face by name in --font-path, and only with it', async () => {
    const style = join(dir, 'house', 'office.yaml');
    writeFileSync(style, 'fonts:\n  masthead: YB Office\n');
    const without = await cli(['build', EXAMPLE, '--style', style, '-o', join(dir, 'office-no.pdf')], { env });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('YB Office');
    const out = join(dir, 'office.pdf');
    const r = await cli(['build', EXAMPLE, '--style', style, '--font-path', join(dir, 'faces'), '-o', out], { env });
    expect(withoutWarnings(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    expect(embeddedFonts(readFileSync(out)).map((f) => f.name)).toContain('YBOffice-Regular');
    const bad = await cli(['build', EXAMPLE, '--font-path', join(dir, 'nowhere')], { env });
    expect([bad.code, bad.stderr]).toEqual([2, `yanjin-bulletin: --font-path takes a folder of faces, and "${join(dir, 'nowhere')}" is not a folder\n`]);
  });
});
