// Compose one paragraph: runs in, lines of positioned glyphs out. Pure: no PDF, no I/O.
import { buildAtoms } from './atoms.js';
import { chooseBreaks, Sums } from './linebreak.js';
import { setLine } from './justify.js';
import type { Measure, Metrics, Paragraph, Run } from './types.js';

export function composeParagraph(runs: Run[], measure: Measure, metrics: Metrics): Paragraph {
  const atoms = buildAtoms(runs, metrics, measure);
  if (atoms.length === 0) return { lines: [] };
  const indent = measure.indent ?? 0;
  const hang = measure.hang ?? 0;
  const widthOf = (k: number) => measure.width - (k === 0 ? indent : hang);
  const breaks = chooseBreaks(atoms, { widthOf });
  const sums = new Sums(atoms);
  const starts = [0, ...breaks];
  const lines = starts.map((a, k) => {
    const b = k + 1 < starts.length ? starts[k + 1] : atoms.length;
    const isLast = k === starts.length - 1;
    return setLine(atoms, sums, a, b, widthOf(k), isLast, measure.justify ?? true, k === 0 ? indent : hang);
  });
  return { lines };
}
