// Where a face name is looked up after the bundled faces: the fonts/ folders of the
// project (beside the issue, beside the style file, the package's own), then the
// operating system's font folders. Each list of folders is indexed once per process,
// and only when a name that is not bundled is first asked for.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FontIndex } from './font-index.js';
import type { FaceInfo } from './name-table.js';
import { extraFontDirs, fontconfigFiles, systemFontDirs } from './system-dirs.js';

export type FaceSource = 'bundled' | 'fonts folder' | 'system' | 'file';

export interface Resolved {
  /** A file path, with `#PostScriptName` for a member of a collection. */
  spec: string;
  source: FaceSource;
}

/** The package's own fonts/ folder (beside src/ and dist/), where an install may add faces. */
export const PACKAGE_FONTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fonts');

const indexes = new Map<string, FontIndex>();
const listed = new Map<() => string[], FontIndex>();
function indexOf(dirs: string[]): FontIndex {
  const key = dirs.join('\0');
  let ix = indexes.get(key);
  if (!ix) indexes.set(key, (ix = new FontIndex(dirs)));
  return ix;
}
/**
 * Forget what the font folders held: under --watch a face may be added between two
 * builds, and a name that did not resolve then should resolve now.
 */
export function forgetFontFolders(): void {
  indexes.clear();
  listed.clear();
}
function indexOfFiles(files: () => string[]): FontIndex {
  let ix = listed.get(files);
  if (!ix) listed.set(files, (ix = new FontIndex([], files)));
  return ix;
}

const specOf = (f: FaceInfo) => (f.member ? `${f.file}#${f.member}` : f.file);

export class FaceLookup {
  readonly systemDirs: string[];

  /**
   * `folders`: the project's fonts/ folders, most specific first. `fontconfig` lists the
   * files fontconfig knows of, asked only when the folders do not have a name.
   */
  constructor(
    readonly folders: string[],
    systemDirs: string[] = [...extraFontDirs(), ...systemFontDirs()],
    private readonly fontconfig: (() => string[]) | null = fontconfigFiles,
  ) {
    this.systemDirs = systemDirs;
  }

  private get tiers(): Array<[FontIndex, FaceSource]> {
    const t: Array<[FontIndex, FaceSource]> = [
      [indexOf(this.folders), 'fonts folder'],
      [indexOf(this.systemDirs), 'system'],
    ];
    if (this.fontconfig) t.push([indexOfFiles(this.fontconfig), 'system']);
    return t;
  }

  find(name: string): Resolved | undefined {
    for (const [ix, source] of this.tiers) {
      const f = ix.find(name);
      if (f) return { spec: specOf(f), source };
    }
    return undefined;
  }

  boldOf(families: string[]): Resolved | undefined {
    for (const [ix, source] of this.tiers) {
      const f = ix.boldOf(families);
      if (f) return { spec: specOf(f), source };
    }
    return undefined;
  }

  similar(name: string): string[] {
    return [...new Set(this.tiers.flatMap(([ix]) => ix.similar(name)))].slice(0, 5);
  }

  /** The families each tier holds (fonts folders, then the system's), each family once. */
  installedFamilies(): Array<{ family: string; source: FaceSource }> {
    const seen = new Set<string>();
    const out: Array<{ family: string; source: FaceSource }> = [];
    for (const [ix, source] of this.tiers) {
      for (const family of ix.families()) if (!seen.has(family)) seen.add(family), out.push({ family, source });
    }
    return out;
  }

  describe(): string {
    const fc = this.fontconfig ? ", and the fonts fc-list knows" : '';
    return `the bundled faces, the fonts folders (${this.folders.join(', ')}) and the system font folders (${this.systemDirs.join(', ')})${fc}`;
  }
}

/** The fonts/ folders for an issue: beside the issue, beside the style file, the package's own. */
export function projectFontFolders(issueFile: string | undefined, styleFile: string | undefined): string[] {
  const dirs = [issueFile && resolve(dirname(issueFile), 'fonts'), styleFile && resolve(dirname(styleFile), 'fonts'), PACKAGE_FONTS].filter((d): d is string => !!d);
  return [...new Set(dirs)];
}
