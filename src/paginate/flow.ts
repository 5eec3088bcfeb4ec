// Grid lines onto pages: a heading keeps two lines of what follows, and no paragraph
// leaves a single line alone at the foot or the head of a page. Pure arithmetic.

export interface FlowBlock {
  kind: 'heading' | 'para';
  lines: number;
}

export interface Placement {
  block: number;
  /** Index of the block's first line placed here. */
  from: number;
  count: number;
  page: number;
  row: number;
}

/** How many of a paragraph's `n` remaining lines go in `room` rows (0 = none). */
export function linesHere(n: number, room: number): number {
  if (n <= room) return n;
  // At least two lines here and two on the next page: a paragraph of 3 cannot split.
  const k = Math.min(room, n - 2);
  return k >= 2 ? k : 0;
}

export function flow(blocks: FlowBlock[], rowsPerPage: number, firstRow: number): Placement[] {
  const out: Placement[] = [];
  let page = 0;
  let row = firstRow;
  const newPage = () => {
    page++;
    row = 0;
  };
  for (let b = 0; b < blocks.length; b++) {
    const blk = blocks[b];
    if (blk.kind === 'heading') {
      const next = blocks[b + 1];
      const room = rowsPerPage - row - blk.lines;
      const keeps = !next || next.kind === 'heading' || linesHere(next.lines, room) >= Math.min(2, next.lines);
      if ((room < 0 || !keeps) && row > 0) newPage();
      out.push({ block: b, from: 0, count: blk.lines, page, row });
      row += blk.lines;
      continue;
    }
    let from = 0;
    while (from < blk.lines) {
      const remaining = blk.lines - from;
      let k = linesHere(remaining, rowsPerPage - row);
      if (k === 0) {
        if (row === 0) k = Math.min(remaining, rowsPerPage); // a page cannot do better
        else {
          newPage();
          continue;
        }
      }
      out.push({ block: b, from, count: k, page, row });
      from += k;
      row += k;
      if (from < blk.lines) newPage();
    }
    if (row >= rowsPerPage) newPage();
  }
  return out;
}
