// Binary dilation by a (2r+1)² square, clamped at the borders: 1 where a set pixel lies within
// Chebyshev distance r. This is exactly boxMean(mask) > 0 (a window holds a set pixel or it does
// not). Each horizontal run of set pixels stamps its grown rectangle with TypedArray.fill (a native
// memset): the masks are a few runs per row, and running counts over every pixel of the crop in both
// directions took ~1.5 ms per dilation at 4 MP.

/** 1 where any pixel of `mask` (0/1) lies within Chebyshev distance r (inside the image). */
export function dilateBinary(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  if (r <= 0) return mask.slice(0, w * h);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) stampRow(mask, out, y, w, h, r);
  return out;
}

/** Runs of row y, each stamped grown by r (one flat loop per row: V8 optimises it early). */
function stampRow(mask: Uint8Array, out: Uint8Array, y: number, w: number, h: number, r: number): void {
  const row = y * w;
  let start = -1;
  for (let x = 0; x <= w; x++) {
    if (x < w && mask[row + x]) {
      if (start < 0) start = x;
    } else if (start >= 0) {
      stamp(out, w, h, y, start, x, r);
      start = -1;
    }
  }
}

function stamp(out: Uint8Array, w: number, h: number, y: number, a: number, b: number, r: number): void {
  const xa = a - r > 0 ? a - r : 0;
  const xb = b + r < w ? b + r : w;
  const yb = y + r < h - 1 ? y + r : h - 1;
  for (let yy = y - r > 0 ? y - r : 0; yy <= yb; yy++) out.fill(1, yy * w + xa, yy * w + xb);
}

/** 1 where v ≠ 0 (NaN counts as 0). */
export function nonZero(v: Float32Array): Uint8Array {
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] ? 1 : 0;
  return out;
}
