// Did the retouch replace the background? If the result's background follows the original one (with
// the gains) more closely than it follows one flat studio colour, the backdrop was kept, and a
// "halo" of it is no defect (its gradients and contact shadows would only fake one).
//
// The comparison runs over the whole-frame coarse view's far background, ~10⁵ pixels, each needing
// the Lab of the original's colour. Those are few distinct colours (8-bit samples of one surface:
// 0.1–7 % distinct on the test photos), so conversions go through a small direct-mapped cache keyed
// by the exact input, and the result's (mostly flat) colour reuses its previous conversion.
import { linearRgbToLab } from "../color";
import type { GuardContext } from "./context";
import { labInto } from "../color";
import { coarseBackground } from "./masks";

const BITS = 12;
const SIZE = 1 << BITS;

interface State {
  /** dKept, dFlat, n. */
  sums: Float64Array;
  /** Result colour of the previous pixel, its Lab and its distance to the studio colour. */
  prev: Float64Array;
  a: Float64Array;
  S: [number, number, number];
  k: [number, number, number];
  tags: Uint32Array;
  full: Uint8Array;
  labs: Float64Array;
}

export function backgroundReplaced(ctx: GuardContext): boolean {
  const c = ctx.work.coarse;
  const bg = coarseBackground(c);
  const g = ctx.gains;
  const st: State = {
    sums: new Float64Array(3),
    prev: new Float64Array([NaN, NaN, NaN, 0]),
    a: new Float64Array(3),
    S: linearRgbToLab(...ctx.studioLin),
    k: [g.exposure * g.whiteBalance[0], g.exposure * g.whiteBalance[1], g.exposure * g.whiteBalance[2]],
    tags: new Uint32Array(SIZE * 3),
    full: new Uint8Array(SIZE),
    labs: new Float64Array(SIZE * 3),
  };
  const bits = new Uint32Array(c.beforeLin.buffer, c.beforeLin.byteOffset, c.beforeLin.length);
  // Row by row (a kernel V8 optimises early, see filters.ts); sums run in raster order throughout.
  for (let row = 0; row < bg.length; row += c.w)
    backgroundRow(bg, c.afterLin, bits, st, row, Math.min(bg.length, row + c.w));
  const [dKept, dFlat, n] = st.sums;
  return n === 0 || dFlat! <= dKept!;
}

function backgroundRow(bg: Uint8Array, al: Float32Array, bits: Uint32Array, st: State, from: number, to: number): void {
  const { sums, prev, a, S, k, tags, full, labs } = st;
  for (let i = from; i < to; i++) {
    if (!bg[i]) continue;
    const o = i * 3;
    if (al[o] !== prev[0] || al[o + 1] !== prev[1] || al[o + 2] !== prev[2]) {
      prev[0] = al[o]!;
      prev[1] = al[o + 1]!;
      prev[2] = al[o + 2]!;
      labInto(prev[0], prev[1], prev[2], a, 0);
      prev[3] = distance(a[0]!, a[1]!, a[2]!, S[0], S[1], S[2]);
    }
    const u0 = bits[o]!;
    const u1 = bits[o + 1]!;
    const u2 = bits[o + 2]!;
    const slot = Math.imul(u0 ^ Math.imul(u1, 0x9e3779b1) ^ Math.imul(u2, 0x85ebca6b), 0x27d4eb2f) >>> (32 - BITS);
    const t = slot * 3;
    if (!full[slot] || tags[t] !== u0 || tags[t + 1] !== u1 || tags[t + 2] !== u2) {
      // The original with the gains, clipped at 1 (Math.min(1, v) as a comparison: the mid-tier
      // compiler calls Math.min and boxes its result).
      const o0 = float32Of(u0) * k[0];
      const o1 = float32Of(u1) * k[1];
      const o2 = float32Of(u2) * k[2];
      labInto(o0 > 1 ? 1 : o0, o1 > 1 ? 1 : o1, o2 > 1 ? 1 : o2, labs, t);
      tags[t] = u0;
      tags[t + 1] = u1;
      tags[t + 2] = u2;
      full[slot] = 1;
    }
    sums[0] += distance(a[0]!, a[1]!, a[2]!, labs[t]!, labs[t + 1]!, labs[t + 2]!);
    sums[1] += prev[3]!;
    sums[2]++;
  }
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function float32Of(u: number): number {
  u32[0] = u;
  return f32[0]!;
}

/** Euclidean distance in Lab (Math.hypot's scaling is not needed for these magnitudes, and is slow). */
function distance(x0: number, y0: number, z0: number, x1: number, y1: number, z1: number): number {
  const d0 = x0 - x1;
  const d1 = y0 - y1;
  const d2 = z0 - z1;
  return Math.sqrt(d0 * d0 + d1 * d1 + d2 * d2);
}
