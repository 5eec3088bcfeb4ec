// Which file named a face entry: its paths are relative to that file, and an error about
// the entry points at it (file:line:col of the entry itself). The issue's own style block
// wins over the style file, as it does when the two are merged.
import { dirname } from 'node:path';
import type { Problem } from '../errors.js';
import { loadYamlFile, type Loaded } from '../load/load-file.js';
import { locate } from '../load/parse-yaml.js';

interface Source {
  file: string;
  loaded: Loaded;
  /** Path of the fonts map in the document. */
  path: string[];
}

export interface Origins {
  baseFor(entry: string): string;
  where(entry: string | undefined): Omit<Problem, 'message'>;
}

/** Without an issue (the `fonts` command given only --style), entries come from the style file. */
export function faceOrigins(issueFile: string | undefined, issue: Loaded | undefined, styleFile?: string): Origins {
  const sources: Source[] = issueFile && issue ? [{ file: issueFile, loaded: issue, path: ['style', 'fonts'] }] : [];
  if (styleFile) sources.push({ file: styleFile, loaded: loadYamlFile(styleFile), path: ['fonts'] });
  const find = (entry: string) => {
    for (const s of sources) {
      let fonts: unknown = s.loaded.data;
      for (const k of s.path) fonts = (fonts as Record<string, unknown> | undefined)?.[k];
      if (!fonts || typeof fonts !== 'object') continue;
      for (const [role, v] of Object.entries(fonts as Record<string, unknown>)) {
        if (v === entry) return { s, at: [...s.path, role] as PropertyKey[], field: `${s.path.join('.')}.${role}` };
        const i = Array.isArray(v) ? v.indexOf(entry) : -1;
        if (i >= 0) return { s, at: [...s.path, role, i] as PropertyKey[], field: `${s.path.join('.')}.${role}[${i}]` };
      }
    }
    return undefined;
  };
  return {
    baseFor: (entry) => dirname(find(entry)?.s.file ?? issueFile ?? styleFile ?? '.'),
    where(entry) {
      const hit = entry !== undefined ? find(entry) : undefined;
      if (hit) return { file: hit.s.file, ...locate(hit.s.loaded, hit.at), field: hit.field };
      if (issueFile && issue) return { file: issueFile, ...locate(issue, ['style', 'fonts']), field: 'style.fonts' };
      return { file: styleFile ?? 'style', field: 'fonts' };
    },
  };
}
