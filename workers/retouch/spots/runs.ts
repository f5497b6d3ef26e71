// A binary mask as runs of set pixels per row, and its square erosion computed on the runs. A
// piece's opaque area is a few runs per row, so eroding it this way costs next to nothing; as a
// plane (two box-mean passes, then integer ones) it was 6–15 ms of the spot stage at 4 MP. Same
// result as pixels/mask.ts erode: a pixel stays iff its clamped (2r+1)² window is all set.

/** Row y's runs are [start[k], end[k]) for k in [first[y], first[y + 1]), ascending. */
export interface RowRuns {
  first: number[];
  start: number[];
  end: number[];
}

/** Runs collected row by row: add(s, e) for each run of the row in order, then endRow(). */
export class RunBuilder {
  readonly runs: RowRuns = { first: [0], start: [], end: [] };

  add(s: number, e: number): void {
    this.runs.start.push(s);
    this.runs.end.push(e);
  }

  endRow(): void {
    this.runs.first.push(this.runs.start.length);
  }
}

/** The runs of the mask eroded by a (2r+1)² square, clamped at the borders of a w×h plane. */
export function erodeRuns(runs: RowRuns, w: number, h: number, r: number): RowRuns {
  // Rows: a run loses r pixels at each end that is not the plane's border.
  const rows: [number, number][][] = [];
  for (let y = 0; y < h; y++) {
    const row: [number, number][] = [];
    for (let k = runs.first[y]!; k < runs.first[y + 1]!; k++) {
      const s = runs.start[k] === 0 ? 0 : runs.start[k]! + r;
      const e = runs.end[k] === w ? w : runs.end[k]! - r;
      if (s < e) row.push([s, e]);
    }
    rows.push(row);
  }
  // Columns: the intersection of the row-eroded runs of rows y − r … y + r (clamped).
  const out: RowRuns = { first: [0], start: [], end: [] };
  for (let y = 0; y < h; y++) {
    let acc = rows[Math.max(0, y - r)]!;
    for (let k = Math.max(0, y - r) + 1; k <= Math.min(h - 1, y + r) && acc.length; k++) acc = intersect(acc, rows[k]!);
    for (const [s, e] of acc) {
      out.start.push(s);
      out.end.push(e);
    }
    out.first.push(out.start.length);
  }
  return out;
}

/** Writes 1 on the runs (and nothing else) into a w-wide plane. */
export function paintRuns(runs: RowRuns, w: number, plane: Uint8Array): void {
  for (let y = 0; y + 1 < runs.first.length; y++)
    for (let k = runs.first[y]!; k < runs.first[y + 1]!; k++)
      plane.fill(1, y * w + runs.start[k]!, y * w + runs.end[k]!);
}

function intersect(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (s < e) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}
