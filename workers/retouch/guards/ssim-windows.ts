// The Gaussian-windowed statistics behind TEXTURE_LOST's SSIM, only where they are read. Six
// full-plane separable convolutions (matte m, m·x, m·y, m·x², m·y², m·x·y) used to run over the
// mask's whole box, each with two plane-sized temporaries (~30 ms at 4 MP). Here the six products
// are formed once in float32 (as the planes held them), filtered along rows only where a mask pixel
// of the same column is within the radius, and along columns only at the mask's pixels (~4 ms).
// Each output is the same sum of the same float32 terms in the same order as convolveSeparable's,
// rounded to float32 the same way. Row kernels are functions of their own so that V8 optimises them
// as hot functions (see filters.ts).
import { gaussianKernel } from "./filters";

const KERNEL = gaussianKernel(1.5, 5);
const R = 5;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * For each mask pixel in raster order, six float32 window sums: m, m·x, m·y, m·x², m·y², m·x·y
 * (m = alpha ≥ 0.5), with a σ 1.5 Gaussian over 11×11 and edge replication.
 */
export function windowSums(
  x: Float32Array,
  y: Float32Array,
  alpha: Float32Array,
  w: number,
  h: number,
  box: Box,
  mask: Uint8Array,
): Float32Array {
  // Products over the box grown by the radius: all the row filter reads.
  const ex0 = Math.max(0, box.x0 - R);
  const ex1 = Math.min(w, box.x1 + R);
  const ya = Math.max(0, box.y0 - R);
  const yb = Math.min(h, box.y1 + R);
  const ew = ex1 - ex0;
  const eh = yb - ya;
  const prod = new Float32Array(ew * eh * 6);
  for (let r = ya; r < yb; r++) productsRow(x, y, alpha, prod, r * w + ex0, (r - ya) * ew * 6, ew);
  const bw = box.x1 - box.x0;
  const tmp = new Float32Array(bw * eh * 6);
  const need = neededRows(mask, w, box, ya, eh);
  for (let r = 0; r < eh; r++) rowFilter(prod, tmp, need, r, ew, ex0, bw, box.x0, w);
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  const out = new Float32Array(count * 6);
  for (let r = box.y0, j = 0; r < box.y1; r++) j = columnFilter(tmp, mask, out, j, r, ya, bw, box.x0, box.x1, w, h);
  return out;
}

function productsRow(
  x: Float32Array,
  y: Float32Array,
  alpha: Float32Array,
  prod: Float32Array,
  i: number,
  o: number,
  n: number,
): void {
  for (let c = 0; c < n; c++, i++, o += 6) {
    const a = alpha[i]! >= 0.5 ? 1 : 0;
    prod[o] = a;
    prod[o + 1] = a * x[i]!;
    prod[o + 2] = a * y[i]!;
    prod[o + 3] = a * x[i]! * x[i]!;
    prod[o + 4] = a * y[i]! * y[i]!;
    prod[o + 5] = a * x[i]! * y[i]!;
  }
}

/** Row r of the grown box: the six row sums at the box's columns where `need` says so. */
function rowFilter(
  prod: Float32Array,
  tmp: Float32Array,
  need: Uint8Array,
  r: number,
  ew: number,
  ex0: number,
  bw: number,
  bx0: number,
  w: number,
): void {
  const k = KERNEL;
  for (let c = bx0; c < bx0 + bw; c++) {
    if (!need[r * bw + c - bx0]) continue;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    const interior = c >= R && c < w - R;
    for (let t = 0; t < k.length; t++) {
      const kt = k[t]!;
      // Clamped columns stay inside the grown box.
      const p = (r * ew + (interior ? c + t - R : clamp(c + t - R, w)) - ex0) * 6;
      s0 += kt * prod[p]!;
      s1 += kt * prod[p + 1]!;
      s2 += kt * prod[p + 2]!;
      s3 += kt * prod[p + 3]!;
      s4 += kt * prod[p + 4]!;
      s5 += kt * prod[p + 5]!;
    }
    const o = (r * bw + c - bx0) * 6;
    tmp[o] = s0;
    tmp[o + 1] = s1;
    tmp[o + 2] = s2;
    tmp[o + 3] = s3;
    tmp[o + 4] = s4;
    tmp[o + 5] = s5;
  }
}

/** Column sums at the mask pixels of image row r, appended to out from j; returns the next j. */
function columnFilter(
  tmp: Float32Array,
  mask: Uint8Array,
  out: Float32Array,
  j: number,
  r: number,
  ya: number,
  bw: number,
  bx0: number,
  bx1: number,
  w: number,
  h: number,
): number {
  const k = KERNEL;
  for (let c = bx0; c < bx1; c++) {
    if (!mask[r * w + c]) continue;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    for (let t = 0; t < k.length; t++) {
      const kt = k[t]!;
      const p = ((clamp(r + t - R, h) - ya) * bw + c - bx0) * 6;
      s0 += kt * tmp[p]!;
      s1 += kt * tmp[p + 1]!;
      s2 += kt * tmp[p + 2]!;
      s3 += kt * tmp[p + 3]!;
      s4 += kt * tmp[p + 4]!;
      s5 += kt * tmp[p + 5]!;
    }
    out[j++] = s0;
    out[j++] = s1;
    out[j++] = s2;
    out[j++] = s3;
    out[j++] = s4;
    out[j++] = s5;
  }
  return j;
}

/** Rows ya..ya+eh × the box's columns: 1 where a mask pixel of the column lies within R rows. */
function neededRows(mask: Uint8Array, w: number, box: Box, ya: number, eh: number): Uint8Array {
  const bw = box.x1 - box.x0;
  const need = new Uint8Array(bw * eh);
  // Per column, the last row already marked: each cell is written at most once.
  const done = new Int32Array(bw).fill(-1);
  for (let r = box.y0; r < box.y1; r++) markRow(mask, need, done, r * w + box.x0, r - ya, bw, eh);
  return need;
}

function markRow(
  mask: Uint8Array,
  need: Uint8Array,
  done: Int32Array,
  i: number,
  r: number,
  bw: number,
  eh: number,
): void {
  for (let c = 0; c < bw; c++) {
    if (!mask[i + c]) continue;
    const from = Math.max(done[c]! + 1, r - R, 0);
    const to = Math.min(eh - 1, r + R);
    for (let q = from; q <= to; q++) need[q * bw + c] = 1;
    done[c] = to;
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
