// Read an issue or style file from disk into a positioned YAML document.
import { readFileSync } from 'node:fs';
import { UserError, type Problem } from '../errors.js';
import { decodeInput, DecodeError } from './decode.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';

export interface Loaded extends ParsedYaml {
  notices: string[];
}

export function loadYamlFile(file: string): Loaded {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UserError({ file, message: `cannot read the file: ${why}` });
  }
  return loadYamlText(file, bytes);
}

export function loadYamlText(file: string, bytes: Uint8Array): Loaded {
  let decoded;
  try {
    decoded = decodeInput(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw new UserError({ file, message: e.message });
    throw e;
  }
  const { parsed, problems } = parseYaml(file, decoded.text);
  if (!parsed) throw new UserError(problems as Problem[]);
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    throw new UserError({ file, line: 1, col: 1, message: 'the file is empty or not a block of keys; an issue file starts with masthead:' });
  }
  return { ...parsed, notices: decoded.notices };
}
