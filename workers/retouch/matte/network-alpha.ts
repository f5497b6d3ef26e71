// Stage 3 — the full-resolution alpha from the network's map. The network decides what is piece:
// its map is upsampled bilinearly (as the map is smooth at its own scale, this is also what the
// anchor does) and passed through a linear ramp that opens at `lo` and saturates at `hi`, so
// pixels the network is fairly sure of become fully opaque or fully clear while the edge keeps the
// map's soft profile. Where the work-grid decisions of opaque-fill.ts say "piece", the alpha is
// raised to that plane (smooth at its own edges, upsampled the same way), never lowered: nothing
// after the network hollows what it kept.
import type { Plane } from "../types";
import { makePlane } from "../pixels/plane";

export interface RampOptions {
  /** The map's value that maps to α = 0, and the value that maps to α = 1. */
  lo: number;
  hi: number;
}

/** Measured on ../shared/data/cutout-dev (`npm run bench -- --only cutout`; see docs/cutout-bench.md). */
// Sweep, 39 pieces (IoU / MAE / BF / opaque kept, fill on): 0.1–0.6 → 0.898 / 0.0104 / 0.909 / 0.954;
// 0.1–0.8 → 0.903 / 0.0102 / 0.909 / 0.915; 0.15–0.7 → 0.902 / 0.0100 / 0.909 / 0.933; the bare map
// (0–1) → 0.893 / 0.0120 / 0.897 / 0.782. A lower start closes hazy chain links; a lower end fattens
// thin chains. Since the opaque fill raises the piece's inside to 1 (its `deep`), the ramp only draws
// the outline, and a start further out only fattens it with the surface (bleed). All 195 scenes, with
// the deep fill and the edge stage's 0.6 on partial pixels (IoU / bleed of the four surfaces / scenes
// with IoU ≥ the anchor's − 0.02): 0.25–0.85 → 0.909 / 0.048 / 182; 0.2–0.8 → 0.912 / 0.053 / 188
// (α = ½ where the map is ½, as the anchor cuts). Thin chains decide: at 0.25 they lose 0.03 IoU.
export const RAMP_DEFAULTS: RampOptions = { lo: 0.2, hi: 0.8 };

interface Axis {
  i0: Int32Array;
  i1: Int32Array;
  f: Float32Array;
}

/** Half-pixel-centre bilinear taps from a source axis of n samples onto m output pixels. */
function axis(n: number, m: number): Axis {
  const s = n / m;
  const i0 = new Int32Array(m);
  const i1 = new Int32Array(m);
  const f = new Float32Array(m);
  for (let x = 0; x < m; x++) {
    const u = Math.min(Math.max((x + 0.5) * s - 0.5, 0), n - 1);
    const a = Math.floor(u);
    i0[x] = a;
    i1[x] = Math.min(a + 1, n - 1);
    f[x] = u - a;
  }
  return { i0, i1, f };
}

/** One output row of a bilinear upsample of `src` (row y of an W×H output) into `out`. */
function upsampleRow(src: Plane, ax: Axis, ay: Axis, y: number, out: Float32Array): void {
  const s = src.data;
  const r0 = ay.i0[y]! * src.width;
  const r1 = ay.i1[y]! * src.width;
  const fy = ay.f[y]!;
  for (let x = 0; x < out.length; x++) {
    const a = s[r0 + ax.i0[x]!]!;
    const b = s[r0 + ax.i1[x]!]!;
    const c = s[r1 + ax.i0[x]!]!;
    const d = s[r1 + ax.i1[x]!]!;
    const fx = ax.f[x]!;
    const top = a + (b - a) * fx;
    out[x] = top + (c + (d - c) * fx - top) * fy;
  }
}

/**
 * Calls `fn(row, y)` with each W-wide row of the map upsampled bilinearly to W×H (the same taps as
 * networkAlpha), so a full-resolution reading of the map never needs its own W×H plane (80 MB at 20 MP).
 */
export function forEachMapRow(prob: Plane, W: number, H: number, fn: (row: Float32Array, y: number) => void): void {
  const ax = axis(prob.width, W);
  const ay = axis(prob.height, H);
  const row = new Float32Array(W);
  for (let y = 0; y < H; y++) {
    upsampleRow(prob, ax, ay, y, row);
    fn(row, y);
  }
}

/**
 * α at W×H: ramp(bilinear(prob)), raised to bilinear(fill) where `fill` (any grid, values in [0, 1])
 * is given.
 */
export function networkAlpha(
  prob: Plane,
  W: number,
  H: number,
  opts: RampOptions = RAMP_DEFAULTS,
  fill?: Plane | null,
): Plane {
  const alpha = makePlane(W, H);
  const A = alpha.data;
  const pax = axis(prob.width, W);
  const pay = axis(prob.height, H);
  const fax = fill ? axis(fill.width, W) : null;
  const fay = fill ? axis(fill.height, H) : null;
  const row = new Float32Array(W);
  const frow = new Float32Array(W);
  const k = 1 / Math.max(1e-6, opts.hi - opts.lo);
  for (let y = 0; y < H; y++) {
    upsampleRow(prob, pax, pay, y, row);
    if (fill) upsampleRow(fill, fax!, fay!, y, frow);
    const o = y * W;
    for (let x = 0; x < W; x++) {
      let a = (row[x]! - opts.lo) * k;
      a = a < 0 ? 0 : a > 1 ? 1 : a;
      if (fill) {
        const f = frow[x]!;
        if (f > a) a = f;
      }
      A[o + x] = a;
    }
  }
  return alpha;
}
