// Finding faces by name: the name table reader, the folder index, the system's font
// folders per platform, and the order and laziness of the lookup.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFaceInfos } from '../../src/fonts/name-table.js';
import { FontIndex } from '../../src/fonts/font-index.js';
import { FaceLookup, projectFontFolders, PACKAGE_FONTS } from '../../src/fonts/lookup.js';
import { extraFontDirs, fontconfigFiles, systemFontDirs } from '../../src/fonts/system-dirs.js';
import { resolveEntry } from '../../src/fonts/resolve-entry.js';
import { openFontBook } from '../../src/fonts/font-book.js';
import { FaceError } from '../../src/fonts/open-face.js';
import { resolveStyle } from '../../src/validate/validate.js';
import { makeCffOtf, makeTtc, makeTtf, SANS, SANS_BOLD, SERIF } from './make-font.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-lookup-'));
  mkdirSync(join(dir, 'a', 'deep', 'er'), { recursive: true });
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'a', 'fs.ttf'), makeTtf(SERIF, '永和', { family: 'FangSong_GB2312', postscript: 'FangSong_GB2312', familyZh: '仿宋_GB2312' }));
  writeFileSync(join(dir, 'a', 'deep', 'er', 'hei.otf'), makeCffOtf(SANS, '永和', { family: 'YB Hei', postscript: 'YBHei-Regular' }));
  writeFileSync(join(dir, 'a', 'deep', 'hei-bold.otf'), makeCffOtf(SANS_BOLD, '永和', { family: 'YB Hei', style: 'Bold', postscript: 'YBHei-Bold', weight: 700 }));
  writeFileSync(
    join(dir, 'b', 'pair.ttc'),
    makeTtc([
      { source: SERIF, chars: '永', names: { family: 'YB Kai', postscript: 'YBKai-Regular', familyZh: '楷体_YB' } },
      { source: SANS, chars: '和', names: { family: 'YB Kai', style: 'Bold', postscript: 'YBKai-Bold', weight: 700 } },
    ]),
  );
  writeFileSync(join(dir, 'b', 'FangSong-copy.ttf'), makeTtf(SANS, '永', { family: 'FangSong_GB2312', postscript: 'FangSong_GB2312', familyZh: '仿宋_GB2312' }));
  writeFileSync(join(dir, 'b', 'not-a-font.ttf'), 'hello');
});

describe('name table', () => {
  it('reads family names in every language, the style, the PostScript name and the weight', () => {
    const [f] = readFaceInfos(join(dir, 'a', 'fs.ttf'));
    expect(f.postscript).toBe('FangSong_GB2312');
    expect(f.families).toEqual(['FangSong_GB2312', '仿宋_GB2312']);
    expect(f.styles).toEqual(['Regular']);
    expect(f.weight).toBe(400);
    expect(f.member).toBeUndefined();
  });

  it('reads family names stored in GBK (platform 3, encoding 3), as older Chinese faces have them', () => {
    const file = join(dir, 'gbk.ttf');
    // 仿 = B7C2, 宋 = CBCE in GBK; ASCII letters stand alone in their 16-bit units.
    writeFileSync(file, makeTtf(SERIF, '永', { family: 'FangSong_GB2312', postscript: 'FangSong_GB2312', gbkFamily: [0xb7c2, 0xcbce, ...[...'_GB2312'].map((c) => c.charCodeAt(0))] }));
    expect(readFaceInfos(file)[0].families).toEqual(['仿宋_GB2312', 'FangSong_GB2312']);
  });

  it('reads each member of a collection', () => {
    const faces = readFaceInfos(join(dir, 'b', 'pair.ttc'));
    expect(faces.map((f) => [f.member, f.weight])).toEqual([
      ['YBKai-Regular', 400],
      ['YBKai-Bold', 700],
    ]);
  });

  it('gives nothing for a file that is not a font', () => {
    expect(readFaceInfos(join(dir, 'b', 'not-a-font.ttf'))).toEqual([]);
    expect(readFaceInfos(join(dir, 'missing.ttf'))).toEqual([]);
  });
});

describe('folder index', () => {
  const ix = () => new FontIndex([join(dir, 'a'), join(dir, 'b')]);

  it('finds a face by Chinese family name, with or without the underscore', () => {
    expect(ix().find('仿宋_GB2312')?.file).toBe(join(dir, 'a', 'fs.ttf'));
    expect(ix().find('仿宋 GB2312')?.file).toBe(join(dir, 'a', 'fs.ttf'));
    expect(ix().find('fangsong_gb2312')?.file).toBe(join(dir, 'a', 'fs.ttf'));
  });

  it('takes the regular face for a family name, and family + style for another weight', () => {
    expect(ix().find('YB Hei')?.postscript).toBe('YBHei-Regular');
    expect(ix().find('YB Hei Bold')?.postscript).toBe('YBHei-Bold');
    expect(ix().find('YBHei-Bold')?.postscript).toBe('YBHei-Bold');
    expect(ix().find('楷体_YB')?.member).toBe('YBKai-Regular');
    expect(ix().find('YB Kai Bold')).toMatchObject({ file: join(dir, 'b', 'pair.ttc'), member: 'YBKai-Bold' });
  });

  it('finds the bold weight of a family', () => {
    expect(ix().boldOf(['YB Hei'])?.postscript).toBe('YBHei-Bold');
    expect(ix().boldOf(['FangSong_GB2312'])).toBeUndefined();
  });

  it('lets the first folder win a clash of names', () => {
    expect(new FontIndex([join(dir, 'b'), join(dir, 'a')]).find('FangSong_GB2312')?.file).toBe(join(dir, 'b', 'FangSong-copy.ttf'));
  });

  it('suggests families for a mistyped name', () => {
    expect(ix().similar('YB Hie')).toEqual(['YB Hei']);
    expect(ix().similar('FangSong')).toEqual(['FangSong_GB2312']);
  });
});

describe('system font folders', () => {
  it('are those fontconfig reads on Linux, user folders first', () => {
    expect(systemFontDirs('linux', {}, '/home/u')).toEqual(['/home/u/.local/share/fonts', '/home/u/.fonts', '/usr/local/share/fonts', '/usr/share/fonts']);
    expect(systemFontDirs('linux', { XDG_DATA_HOME: '/x' }, '/home/u')[0]).toBe('/x/fonts');
  });

  it('are the Fonts folders on Windows', () => {
    expect(systemFontDirs('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', WINDIR: 'D:\\Win' }, 'C:\\Users\\u')).toEqual(['C:\\Users\\u\\AppData\\Local\\Microsoft\\Windows\\Fonts', 'D:\\Win\\Fonts']);
    expect(systemFontDirs('win32', {}, 'C:\\Users\\u')).toEqual(['C:\\Windows\\Fonts']);
  });

  it('are the Library/Fonts folders on macOS', () => {
    expect(systemFontDirs('darwin', {}, '/Users/u')).toEqual(['/Users/u/Library/Fonts', '/Library/Fonts', '/System/Library/Fonts', '/Network/Library/Fonts']);
  });

  it('include the files fc-list reports, where fc-list is installed', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'fc-list'), `#!/bin/sh\n[ "$1" = --format ] || exit 3\nprintf '%s\\n' '${join(dir, 'b', 'pair.ttc')}' /x/readme.txt '${join(dir, 'a', 'fs.ttf')}'\n`, { mode: 0o755 });
    const path = process.env.PATH;
    try {
      process.env.PATH = bin;
      expect(fontconfigFiles()).toEqual([join(dir, 'a', 'fs.ttf'), join(dir, 'b', 'pair.ttc')].sort());
      // A lookup of its own: the program indexes fc-list's answer once a process, under its function.
      const lookup = new FaceLookup([], [], () => fontconfigFiles());
      expect(lookup.find('楷体_YB')).toEqual({ spec: `${join(dir, 'b', 'pair.ttc')}#YBKai-Regular`, source: 'system' });
      process.env.PATH = join(dir, 'nowhere');
      expect(fontconfigFiles()).toEqual([]);
    } finally {
      process.env.PATH = path;
    }
  });

  it('take extra folders from YANJIN_BULLETIN_FONTS', () => {
    expect(extraFontDirs({ YANJIN_BULLETIN_FONTS: '/a:/b' }, ':')).toEqual(['/a', '/b']);
    expect(extraFontDirs({}, ':')).toEqual([]);
  });
});

describe('lookup order', () => {
  it('puts the fonts/ folder beside the issue before the one beside the style file, then the package\'s', () => {
    expect(projectFontFolders('/o/issues/38.yaml', '/o/house/style.yaml')).toEqual(['/o/issues/fonts', '/o/house/fonts', PACKAGE_FONTS]);
    expect(projectFontFolders('/o/38.yaml', '/o/style.yaml')).toEqual(['/o/fonts', PACKAGE_FONTS]);
  });

  it('prefers the project folders to the system folders', () => {
    const lookup = new FaceLookup([join(dir, 'b')], [join(dir, 'a')], null);
    expect(lookup.find('仿宋_GB2312')).toEqual({ spec: join(dir, 'b', 'FangSong-copy.ttf'), source: 'fonts folder' });
    expect(lookup.find('YB Hei')).toEqual({ spec: join(dir, 'a', 'deep', 'er', 'hei.otf'), source: 'system' });
    expect(lookup.find('楷体_YB')).toEqual({ spec: `${join(dir, 'b', 'pair.ttc')}#YBKai-Regular`, source: 'fonts folder' });
  });

  it('resolves bundled names without scanning any folder', async () => {
    let asked = 0;
    const spy = { find: () => (asked++, undefined), boldOf: () => (asked++, undefined), similar: () => [], describe: () => '' } as unknown as FaceLookup;
    const book = await openFontBook(resolveStyle({ fonts: { fallback: 'Noto Sans SC' } }), { baseFor: () => dir, lookup: spy });
    expect(book.chains.body.map((f) => f.face.postscriptName)).toEqual(['NotoSerifSC-Regular', 'NotoSansSC-Regular']);
    expect(asked).toBe(0);
    await openFontBook(resolveStyle({ fonts: { body: 'Somebody Song' }, bold: { heading: true } }), { baseFor: () => dir, lookup: { ...spy, find: () => (asked++, { spec: join(dir, 'a', 'fs.ttf'), source: 'system' }) } as unknown as FaceLookup });
    expect(asked).toBe(1);
  });

  it('says where it looked and what is near, for a name it cannot find', () => {
    const lookup = new FaceLookup([join(dir, 'b')], [join(dir, 'a')], null);
    expect(() => resolveEntry('YB Hie', dir, lookup)).toThrow(FaceError);
    expect(() => resolveEntry('YB Hie', dir, lookup)).toThrow(/no face named "YB Hie" \(looked in the bundled faces, the fonts folders \(.*\/b\) and the system font folders \(.*\/a\)\); faces with a similar name: YB Hei$/);
  });

  it('resolves paths against the folder of the file that names them', () => {
    expect(resolveEntry('a/fs.ttf', dir)).toEqual({ spec: join(dir, 'a', 'fs.ttf'), source: 'file' });
    expect(resolveEntry('b/pair.ttc#YBKai-Bold', dir).spec).toBe(`${join(dir, 'b', 'pair.ttc')}#YBKai-Bold`);
    expect(() => resolveEntry('fonts/nope.ttf', dir)).toThrow(`font file not found: ${join(dir, 'fonts', 'nope.ttf')}`);
  });
});
