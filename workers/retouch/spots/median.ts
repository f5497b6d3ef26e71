// Separable running median on 8-bit planes (rows, then columns), window 2r+1. A speck narrower than
// r disappears in one of the passes; a histogram with a tracked median makes each step O(1)
// amortised whatever r is, which matters at 20 MP.
//
// With a `need` mask only the windows that feed a needed output are slid: at 4 MP a ring's opaque
// box is ~⅓ piece, and the median was ~40 % of the stage. Long stretches of unneeded output are
// skipped and the window is rebuilt after them.
import { scratchOf } from "../pixels/scratch";

/** Beyond this many unneeded outputs in a row, rebuilding the window (~2r+1 adds) is cheaper. */
const GAP = 64;

const hist = new Int32Array(256);

/**
 * Median of each clamped window [i−r, i+r] ∩ [0, n) along the line src[so + i·step], written to
 * dst at the same positions where need[no + i·nstep] is set. An even count takes the lower median.
 */
function medianLine(
  src: Uint8Array,
  dst: Uint8Array,
  so: number,
  step: number,
  n: number,
  r: number,
  need: Uint8Array,
  no: number,
  nstep: number,
): void {
  let i = 0;
  while (i < n) {
    while (i < n && !need[no + i * nstep]) i++;
    if (i === n) return;
    // (Re)build the window of output i; its median is searched up from its minimum.
    hist.fill(0);
    const lo = Math.max(0, i - r);
    const hi = Math.min(n - 1, i + r);
    let m = 255;
    for (let k = lo; k <= hi; k++) {
      const v = src[so + k * step]!;
      hist[v]!++;
      if (v < m) m = v;
    }
    let count = hi - lo + 1;
    // below counts the window's values < m.
    let below = 0;
    let target = (count - 1) >> 1;
    while (below + hist[m]! <= target) below += hist[m++]!;
    let lastNeeded = i;
    for (; i < n; i++) {
      if (need[no + i * nstep]) lastNeeded = i;
      else if (i - lastNeeded > GAP) break;
      dst[so + i * step] = m;
      const add = i + r + 1;
      const rem = i - r;
      if (rem >= 0 && add < n) {
        // A whole window (most of a line): one value in, one out, the count stays 2r + 1.
        const vin = src[so + add * step]!;
        const vout = src[so + rem * step]!;
        hist[vin]!++;
        hist[vout]!--;
        below += (vin < m ? 1 : 0) - (vout < m ? 1 : 0);
      } else {
        if (add < n) {
          const v = src[so + add * step]!;
          hist[v]!++;
          count++;
          if (v < m) below++;
        }
        if (rem >= 0) {
          const v = src[so + rem * step]!;
          hist[v]!--;
          count--;
          if (v < m) below--;
        }
        target = (count - 1) >> 1;
      }
      while (below > target) below -= hist[--m]!;
      while (below + hist[m]! <= target) below += hist[m++]!;
    }
  }
}

/**
 * Median filter approximation of a w×h 8-bit plane. With `need`, only pixels where need is set are
 * computed; the rest of the result is unspecified.
 */
export function separableMedian(
  src: Uint8Array,
  w: number,
  h: number,
  r: number,
  out?: Uint8Array,
  need?: Uint8Array,
): Uint8Array {
  const n = w * h;
  const tmp = scratchOf("spots.medianRows", Uint8Array, n);
  const lastRow = new Int32Array(w);
  const rowNeed = new Uint8Array(w);
  need ??= new Uint8Array(n).fill(1);
  const dst = out ?? new Uint8Array(n);
  // Row pass where a needed output's column window reads: lastRow[x] is the last row ≤ y + r with
  // need at x, so the row-pass output (x, y) is read iff lastRow[x] ≥ y − r.
  lastRow.fill(-1 - r);
  const mark = (y: number) => {
    for (let x = 0, o = y * w; x < w; x++) if (need[o + x]) lastRow[x] = y;
  };
  for (let y = 0; y <= Math.min(r, h - 1); y++) mark(y);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) rowNeed[x] = lastRow[x]! >= y - r ? 1 : 0;
    medianLine(src, tmp, y * w, 1, w, r, rowNeed, 0, 1);
    if (y + r + 1 < h) mark(y + r + 1);
  }
  for (let x = 0; x < w; x++) medianLine(tmp, dst, x, w, h, r, need, x, w);
  return dst;
}
