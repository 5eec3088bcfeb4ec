// Faces in a list of folders, found by family (+ style) or PostScript name. A folder is
// walked only when a name is first looked up in it, and only once per process.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFaceInfos, type FaceInfo } from './name-table.js';
import { didYouMean } from '../validate/did-you-mean.js';

const FONT_FILE = /\.(ttf|otf|ttc|otc|woff2?)$/i;
const MAX_DEPTH = 8;

/** Names compare without case, spaces, hyphens or underscores: 仿宋_GB2312 = 仿宋GB2312. */
const normName = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

const REGULAR = new Set(['regular', 'normal', 'book', 'roman', 'standard', 'medium', '常规', '正常', '標準', '标准', 'w3']);
const BOLD = new Set(['bold', '粗体', '粗體', 'w7']);

export class FontIndex {
  private faces: FaceInfo[] | undefined;

  /** `files`: font files listed by other means (fontconfig), indexed after the folders. */
  constructor(
    readonly dirs: string[],
    private readonly files: () => string[] = () => [],
  ) {}

  /** Every face under the folders, folder order first (the first folder wins a clash). */
  all(): FaceInfo[] {
    if (!this.faces) {
      this.faces = [];
      const seen = new Set<string>();
      for (const d of this.dirs) for (const file of fontFiles(d, seen)) this.faces.push(...readFaceInfos(file));
      for (const file of this.files()) this.faces.push(...readFaceInfos(file));
    }
    return this.faces;
  }

  /**
   * The face a name stands for: a PostScript name, a full name, a family plus style
   * ("FangSong Bold"), or a family alone (its regular, upright face).
   */
  find(name: string): FaceInfo | undefined {
    const key = normName(name);
    if (!key) return undefined;
    const faces = this.all();
    const exact = faces.find((f) => normName(f.postscript) === key || f.fullNames.some((n) => normName(n) === key) || f.families.some((fam) => f.styles.some((st) => normName(`${fam}${st}`) === key)));
    if (exact) return exact;
    const family = faces.filter((f) => f.families.some((fam) => normName(fam) === key));
    return pickRegular(family);
  }

  /** The bold upright face of a family (any of its names), if the folders hold one. */
  boldOf(families: string[]): FaceInfo | undefined {
    const fams = new Set(families.map(normName));
    const sib = this.all().filter((f) => !f.italic && f.weight >= 600 && f.families.some((x) => fams.has(normName(x))));
    sib.sort((a, b) => score(a) - score(b));
    return sib[0];
    function score(f: FaceInfo) {
      return Math.abs(f.weight - 700) - (f.styles.some((s) => BOLD.has(normName(s))) ? 1 : 0);
    }
  }

  /** Every family name under the folders, sorted: what `fonts` lists as installed. */
  families(): string[] {
    return [...new Set(this.all().map((f) => f.families[0]).filter(Boolean))].sort();
  }

  /** Families a user may have meant: a name that contains the query, is contained in it, or is one slip away. */
  similar(name: string, max = 5): string[] {
    const key = normName(name);
    const families = [...new Set(this.all().flatMap((f) => f.families))];
    const near = families.filter((n) => {
      const k = normName(n);
      return k.includes(key) || (k.length >= 2 && key.includes(k));
    });
    const close = didYouMean(key, families.map(normName));
    const closeFamily = close && families.find((n) => normName(n) === close);
    return [...new Set([...(closeFamily ? [closeFamily] : []), ...near])].slice(0, max);
  }
}

function pickRegular(faces: FaceInfo[]): FaceInfo | undefined {
  const score = (f: FaceInfo) => (f.italic ? 1000 : 0) + Math.abs(f.weight - 400) - (f.styles.some((s) => REGULAR.has(normName(s))) ? 1 : 0);
  return [...faces].sort((a, b) => score(a) - score(b))[0];
}

/** The font files under `dir`, sorted so the index is the same on every run. */
function fontFiles(dir: string, seen: Set<string>, depth = 0): string[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  if (seen.has(real) || depth > MAX_DEPTH) return [];
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(real).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    if (n.startsWith('.')) continue;
    const p = join(real, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...fontFiles(p, seen, depth + 1));
    // Only plain files: a pipe or a device named like a font would be read for ever.
    else if (FONT_FILE.test(n) && st.isFile()) out.push(p);
  }
  return out;
}
