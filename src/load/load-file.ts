// Read an issue or style file from disk into a positioned YAML document.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { decodeInput, DecodeError, ISSUE_FILE, MAX_INPUT_BYTES, tooBigMessage, type InputKindWords } from './decode.js';
import { parseYaml, type ParsedYaml, type Recovered } from './parse-yaml.js';

export interface Loaded extends ParsedYaml {
  notices: string[];
}

/** Syntax problems, with the file as it reads once its typing slips are repaired, when it can be. */
export class YamlSyntaxError extends UserError {
  constructor(
    problems: Problem[],
    readonly recovered?: Recovered,
  ) {
    super(problems);
  }
}

/** `words`: what the file is meant to be (an issue file, a style file), for the messages. */
export function loadYamlFile(file: string, words: InputKindWords = ISSUE_FILE): Loaded {
  return loadYamlText(file, given.get(file) ?? readInput(file, words), words);
}

/** Inputs that are not files (an issue read from standard input), by the name they go by. */
const given = new Map<string, Uint8Array>();

export function giveInput(name: string, bytes: Uint8Array): void {
  given.set(name, bytes);
}

/** The file's bytes; a file over the size limit is refused before it is read. */
function readInput(file: string, words: InputKindWords = ISSUE_FILE): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (st.size > MAX_INPUT_BYTES) throw new UserError({ file, message: tooBigMessage(st.size, words) });
    // Read up to one byte past the limit, so a file that grows (or a pipe) is still capped.
    const buf = Buffer.alloc(st.isFile() ? st.size : MAX_INPUT_BYTES + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError({ file, message: `cannot read the file: ${readFailure(file, e as NodeJS.ErrnoException)}` });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readFailure(file: string, e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return isAbsolute(file) ? 'there is no such file' : `there is no such file (looked for ${resolve(file)})`;
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ELOOP':
      return 'the path is a loop of symbolic links';
    default:
      return e.message;
  }
}

/**
 * The notices reading the file gives (e.g. "read as GBK"), for when loading or checking it
 * failed and the notices were lost with the result; never throws.
 */
export function noticesFor(file: string): string[] {
  try {
    return decodeInput(readInput(file)).notices;
  } catch {
    return [];
  }
}

function loadYamlText(file: string, bytes: Uint8Array, words: InputKindWords = ISSUE_FILE): Loaded {
  let decoded;
  try {
    decoded = decodeInput(bytes, words);
  } catch (e) {
    if (e instanceof DecodeError) throw new UserError({ file, line: e.line, col: e.col, message: e.message });
    throw e;
  }
  const { parsed, problems, recovered } = parseYaml(file, decoded.text);
  if (!parsed) throw new YamlSyntaxError(problems, recovered);
  if (parsed.data === null || parsed.data === undefined) {
    throw new UserError({ file, message: `the file is empty; ${words.holds}` });
  }
  if (typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    const what = Array.isArray(parsed.data) ? 'a list' : 'a single value';
    throw new UserError({ file, line: 1, col: 1, message: `the file holds ${what}, not a block of keys; ${words.holds}` });
  }
  return { ...parsed, notices: decoded.notices };
}
