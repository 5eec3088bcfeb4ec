// A source unit typed twice: the body already ends with （乡村振兴局） and `source:` adds
// it again, so the page prints （乡村振兴局）（乡村振兴局）.
import type { ParsedYaml } from '../../load/parse-yaml.js';
import type { Issue } from '../schema.js';
import type { Warning } from './warning.js';
import { locate } from '../../load/parse-yaml.js';

export function sourceTwiceWarnings(parsed: ParsedYaml, issue: Issue): Warning[] {
  const out: Warning[] = [];
  issue.sections.forEach((sec, si) =>
    sec.items.forEach((it, ii) => {
      if (!it.source) return;
      const closing = `（${it.source}）`;
      if (!it.body.trimEnd().endsWith(closing) && !it.body.trimEnd().endsWith(`(${it.source})`)) return;
      const path = ['sections', si, 'items', ii, 'source'];
      out.push({
        file: parsed.file,
        ...locate(parsed, path),
        field: `sections[${si}].items[${ii}].source`,
        message: `the body already ends with ${closing}, so the page prints ${closing}${closing}`,
        hint: `delete ${closing} from the end of the body, or the source: line`,
      });
    }),
  );
  return out;
}
