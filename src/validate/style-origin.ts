// Where a style key is set, for a problem of the merged style: the issue's own style block
// wins over the style file, as it does when the two are merged.
import type { Problem } from '../errors.js';
import { STYLE_FILE } from '../load/decode.js';
import { loadYamlFile, type Loaded } from '../load/load-file.js';
import { locate } from '../load/parse-yaml.js';

const has = (data: unknown, key: string[]) => {
  let v = data;
  for (const k of key) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v !== undefined;
};

/** The first of `keys` (paths below `style:`) that a file sets, at its value; else the style block. */
export function styleOrigin(file: string, loaded: Loaded, styleFile: string | undefined, keys: string[][]): Omit<Problem, 'message'> {
  const own = (loaded.data as { style?: unknown }).style;
  let shared: Loaded | undefined;
  try {
    shared = styleFile ? loadYamlFile(styleFile, STYLE_FILE) : undefined;
  } catch {
    /* read once already; a file changed since is named without a place */
  }
  for (const key of keys) {
    if (has(own, key)) return { file, ...locate(loaded, ['style', ...key]), field: `style.${key.join('.')}` };
    if (shared && has(shared.data, key)) return { file: styleFile!, ...locate(shared, key), field: key.join('.') };
  }
  const field = `style.${keys[0].join('.')}`;
  return own ? { file, ...locate(loaded, ['style']), field } : { file: styleFile ?? file, field };
}
