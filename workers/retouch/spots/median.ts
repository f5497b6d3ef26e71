// Separable running median on 8-bit planes (rows, then columns), window 2r+1. A speck narrower than
// r disappears in one of the passes; a histogram with a tracked median makes each step O(1)
// amortised whatever r is, which matters at 20 MP.

function medianLine(src: Uint8Array, dst: Uint8Array, start: number, step: number, n: number, r: number, hist: Int32Array): void {
  hist.fill(0);
  let count = 0;
  const hi0 = Math.min(n - 1, r);
  for (let k = 0; k <= hi0; k++) {
    hist[src[start + k * step]!]!++;
    count++;
  }
  // below = number of window values < m
  let m = 0;
  let below = 0;
  const settle = () => {
    const target = (count - 1) >> 1;
    while (below > target) {
      m--;
      below -= hist[m]!;
    }
    while (below + hist[m]! <= target) {
      below += hist[m]!;
      m++;
    }
  };
  settle();
  for (let i = 0; i < n; i++) {
    dst[start + i * step] = m;
    const add = i + r + 1;
    const rem = i - r;
    if (add < n) {
      const v = src[start + add * step]!;
      hist[v]!++;
      count++;
      if (v < m) below++;
    }
    if (rem >= 0) {
      const v = src[start + rem * step]!;
      hist[v]!--;
      count--;
      if (v < m) below--;
    }
    settle();
  }
}

/** Median filter approximation of a w×h 8-bit plane. */
export function separableMedian(src: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const hist = new Int32Array(256);
  const tmp = new Uint8Array(src.length);
  const out = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) medianLine(src, tmp, y * w, 1, w, r, hist);
  for (let x = 0; x < w; x++) medianLine(tmp, out, x, w, h, r, hist);
  return out;
}
