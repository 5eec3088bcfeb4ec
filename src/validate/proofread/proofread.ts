// The proofreader: what would embarrass a printed issue but still builds. Pure checks over
// the validated issue and its YAML positions, returned in file order; `validate` and
// `build` print them as warnings, `--strict` makes them errors.
import type { ParsedYaml } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import { asciiPunctuationWarnings } from './ascii-punctuation.js';
import { headingBracketWarnings } from './heading-brackets.js';
import { pairWarnings } from './pairs.js';
import { placeholderWarnings } from './placeholders.js';
import { sourceTwiceWarnings } from './source-twice.js';
import { traditionalWarnings } from './traditional.js';
import { inFileOrder, type Warning } from './warning.js';

export function proofread(parsed: ParsedYaml, issue: Issue): Warning[] {
  return inFileOrder([
    ...placeholderWarnings(parsed, issue),
    ...sourceTwiceWarnings(parsed, issue),
    ...pairWarnings(parsed, issue),
    ...asciiPunctuationWarnings(parsed, issue),
    ...headingBracketWarnings(parsed, issue),
    ...traditionalWarnings(parsed, issue),
  ]);
}
