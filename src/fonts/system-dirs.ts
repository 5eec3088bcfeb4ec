// The folders where the operating system keeps fonts: the same ones fontconfig reads on
// Linux, the Fonts folders on Windows, the Library/Fonts folders on macOS. User folders
// come first, as the office's own installs are there.
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { delimiter, join, win32 } from 'node:path';

/** Extra folders an office names in YANJIN_BULLETIN_FONTS (separated like PATH), searched before the system's. */
export function extraFontDirs(env: NodeJS.ProcessEnv = process.env, sep: string = delimiter): string[] {
  return (env.YANJIN_BULLETIN_FONTS ?? '').split(sep).filter(Boolean);
}

export function systemFontDirs(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string[] {
  if (platform === 'win32') {
    const out: string[] = [];
    if (env.LOCALAPPDATA) out.push(win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    out.push(win32.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts'));
    return out;
  }
  if (platform === 'darwin') return [join(home, 'Library', 'Fonts'), '/Library/Fonts', '/System/Library/Fonts', '/Network/Library/Fonts'];
  // fontconfig's default fonts.conf: <dir prefix="xdg">fonts</dir>, ~/.fonts and the two system folders.
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return [...new Set([join(dataHome, 'fonts'), join(home, '.fonts'), '/usr/local/share/fonts', '/usr/share/fonts'])];
}

/**
 * The font files fontconfig knows of (`fc-list`), for folders an administrator added to
 * its configuration. Empty where fc-list is not installed: the folders above still work.
 */
export function fontconfigFiles(): string[] {
  if (process.platform === 'win32') return [];
  // Loaded only here: most builds never look at the system's fonts.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const r = spawnSync('fc-list', ['--format', '%{file}\\n'], { encoding: 'utf8', timeout: 10_000, maxBuffer: 64 << 20 });
  if (r.status !== 0 || !r.stdout) return [];
  return [...new Set(r.stdout.split('\n').filter((f) => /\.(ttf|otf|ttc|otc|woff2?)$/i.test(f)))].sort();
}
