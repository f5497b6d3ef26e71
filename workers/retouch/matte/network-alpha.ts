// Stage 3 — the full-resolution alpha from the network's map. The network decides what is piece:
// its map is upsampled bilinearly (as the map is smooth at its own scale, this is also what the
// anchor does) and passed through a linear ramp that opens at `lo` and saturates at `hi`, so
// pixels the network is fairly sure of become fully opaque or fully clear while the edge keeps the
// map's soft profile. Where the work-grid decisions of opaque-fill.ts say "piece", the alpha is
// raised to that plane (smooth at its own edges, upsampled the same way), never lowered: nothing
// after the network hollows what it kept.
import type { Box, Plane } from "../types";
import { makePlane } from "../pixels/plane";
import { unionBox } from "../pixels/active-box";

export interface RampOptions {
  /** The map's value that maps to α = 0, and the value that maps to α = 1. */
  lo: number;
  hi: number;
}

/** Measured on ../shared/data/cutout-dev (`npm run bench -- --only cutout`; see docs/cutout-bench.md). */
// Sweep, 39 pieces (IoU / MAE / BF / opaque kept, fill on): 0.1–0.6 → 0.898 / 0.0104 / 0.909 / 0.954;
// 0.1–0.8 → 0.903 / 0.0102 / 0.909 / 0.915; 0.15–0.7 → 0.902 / 0.0100 / 0.909 / 0.933; the bare map
// (0–1) → 0.893 / 0.0120 / 0.897 / 0.782. A lower start closes hazy chain links; a lower end fattens
// thin chains. With the deep fill (opaque-fill.ts) the inside no longer needs the ramp, and a later
// start pulls the outline in (bleed): all 195 scenes, IoU / bleed of the four surfaces / scenes with
// IoU ≥ the anchor's − 0.02: 0.25–0.85 → 0.909 / 0.048 / 182; 0.2–0.8 → 0.912 / 0.053 / 188 (both with
// the edge stage moving partial pixels by up to 0.6). But thin chains pay: bracelet_lactay2 on grey
// falls 0.02–0.04 below the bare network's IoU (tests/integration/engine/cutout-real.test.ts), so the
// ramp stays where no piece is much worse than the network alone.
// The tight ramp: on black velvet ISNet's edge spreads past the piece (bright metal blooms into the
// dark), so the outline of thick parts starts later. ../shared/data/cutout-dev's black scenes (every
// third piece, 13), IoU / edge error / bleed: 0.15–0.7 → 0.900 / 0.104 / 0.106; thick parts at
// 0.25–0.85 → 0.912 / 0.085 / 0.080; 0.3–0.95 → 0.911 / 0.077 / 0.065. On the light surfaces the same
// ramp over the whole outline thinned chains (chain_daychuyen1 on grey 0.889 → 0.785 IoU, all 39
// sweeps 0.904 → 0.896); on the thick parts alone a gentler one pays there (LIGHT_TIGHT_RAMP).
export const RAMP_DEFAULTS: RampOptions = { lo: 0.15, hi: 0.7 };
/** The ramp on the thick parts' outline over a dark surface (thick-parts.ts), measured above. */
export const TIGHT_RAMP: RampOptions = { lo: 0.3, hi: 0.95 };
/**
 * The ramp on the thick parts' outline over a light surface. There too the network's edge sits a
 * little outside the true one: in the edge band ../shared/data/cutout-dev's truth is partly
 * transparent where the plain ramp gives more α, and the piece's colour carried there reads as the
 * old surface (backdrop bleed). Every third piece, 13 scenes per surface (`bench/cutout`), bleed on
 * sweep / grey / blue, mean IoU of the three, opaque kept on the sweep: the plain ramp 0.073 / 0.105 /
 * 0.025, 0.932, 0.968; 0.25–0.7 0.065 / 0.097 / 0.022, 0.933, 0.967. Ramps ending later cut more
 * bleed but move α = ½ inward: 0.25–0.85 0.062 / 0.083 / 0.020 (all 195 scenes: 0.57× → 0.49× the
 * anchor's bleed) but the white heart links of bracelet_lactay2 on grey lost 0.021 IoU to a one-pixel
 * sliver of true piece (0.863 → 0.842, below the bare network's − 0.02) and two scenes fell below the
 * anchor − 0.02; dark's 0.3–0.95 0.057 / 0.070 / 0.017 at IoU 0.928 and sweep kept 0.958; 0.3–0.7 and
 * 0.35–0.75 drew seams.
 */
export const LIGHT_TIGHT_RAMP: RampOptions = { lo: 0.25, hi: 0.7 };

/** Where the outline follows another ramp: a weight on the map's grid (thick-parts.ts) and the ramp it moves toward. */
export interface TightOutline {
  weight: Plane;
  ramp: RampOptions;
  /**
   * A further ramp the outline moves toward by a second weight on the map's grid, after `ramp`: on
   * a mid-grey surface (backdrop/model.ts MID_GREY), the broad parts (thick-parts.ts LARGE_RADIUS)
   * follow TIGHT_RAMP. What LIGHT_TIGHT_RAMP's note found — later ramps cut bleed but thin white links
   * pay — holds for the parts a one-pixel shift thins; a band, a bangle, a clasp or a pendant's face
   * is wide enough that it does not. Every third piece, 13 scenes per surface (`bench/cutout`), bleed
   * on sweep / grey / blue, IoU and boundary F of the three: broad parts off 0.064 / 0.094 / 0.021,
   * 0.935, 0.947; radius 12 at 0.3–0.95 on every light surface 0.057 / 0.075 / 0.016, 0.934, 0.944;
   * radius 8 0.056 / 0.076 / 0.017, 0.933, 0.944 (sweep opaque kept 0.968 → 0.963); radius 12 at
   * 0.25–0.85 0.061 / 0.086 / 0.019, 0.935, 0.946. Weighting it by how much the piece's local colour
   * reads as the surface (the bleed per unit of α) changed nothing measurable (grey 0.079): dropped.
   * On grey it costs nothing measured; on the near-white sweep and pale blue it cut into broad
   * polished metal whose outline the network had right (bangle_vongtay2 on sweep and blue 0.876 /
   * 0.954 → 0.863 / 0.940 IoU) and, on the real photos, into the bright bezel of tamar_ring_0338 (the
   * network half unsure of white metal on a light surface, the very fault the fill mends): so only
   * on mid-grey.
   */
  broad?: { weight: Plane; ramp: RampOptions } | null;
}

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

/**
 * Output pixels x0 ≤ x < x1 of row y of a bilinear upsample of `src` (a W×H output) into `out`
 * (the rest of `out` is not written).
 */
function upsampleRow(src: Plane, ax: Axis, ay: Axis, y: number, out: Float32Array, x0: number, x1: number): void {
  const s = src.data;
  const r0 = ay.i0[y]! * src.width;
  const r1 = ay.i1[y]! * src.width;
  const fy = ay.f[y]!;
  for (let x = x0; x < x1; x++) {
    const a = s[r0 + ax.i0[x]!]!;
    const b = s[r0 + ax.i1[x]!]!;
    const c = s[r1 + ax.i0[x]!]!;
    const d = s[r1 + ax.i1[x]!]!;
    const fx = ax.f[x]!;
    const top = a + (b - a) * fx;
    out[x] = top + (c + (d - c) * fx - top) * fy;
  }
}

/** Output pixels [a, b) with a tap on source samples lo..hi (the taps only grow with x). */
function tapSpan(ax: Axis, lo: number, hi: number): [number, number] {
  const m = ax.i0.length;
  let a = 0;
  while (a < m && ax.i1[a]! < lo) a++;
  let b = m;
  while (b > a && ax.i0[b - 1]! > hi) b--;
  return [a, b];
}

/**
 * The box of W×H output pixels with a bilinear tap on a sample of `src` above `floor` (or NaN).
 * Bilinear interpolation mixes its four taps with weights in [0, 1], so every pixel outside the box
 * comes out ≤ floor up to float rounding (~10⁻⁷), and exactly 0 when the samples there are 0.
 */
export function upsampledBox(src: Plane, W: number, H: number, floor: number): Box | null {
  const { width: w, height: h, data } = src;
  let sx0 = w;
  let sx1 = -1;
  let sy0 = -1;
  let sy1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0, o = y * w; x < w; x++)
      if (!(data[o + x]! <= floor)) {
        if (sy0 < 0) sy0 = y;
        sy1 = y;
        if (x < sx0) sx0 = x;
        if (x > sx1) sx1 = x;
      }
  if (sy0 < 0) return null;
  const [x0, x1] = tapSpan(axis(w, W), sx0, sx1);
  const [y0, y1] = tapSpan(axis(h, H), sy0, sy1);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/**
 * Calls `fn(row, y)` with each W-wide row of the map upsampled bilinearly to W×H (the same taps as
 * networkAlpha), so a full-resolution reading of the map never needs its own W×H plane (80 MB at 20 MP).
 * With `box`, only its rows are visited and only its columns of `row` are written (the rest stay 0).
 */
export function forEachMapRow(
  prob: Plane,
  W: number,
  H: number,
  fn: (row: Float32Array, y: number) => void,
  box: Box = { x: 0, y: 0, w: W, h: H },
): void {
  const ax = axis(prob.width, W);
  const ay = axis(prob.height, H);
  const row = new Float32Array(W);
  for (let y = box.y; y < box.y + box.h; y++) {
    upsampleRow(prob, ax, ay, y, row, box.x, box.x + box.w);
    fn(row, y);
  }
}

/**
 * Margin under the ramp's start below which a map sample cannot lift any pixel above it (covers the
 * float rounding of the interpolation many times over).
 */
const RAMP_MARGIN = 1e-3;

/**
 * The box outside which networkAlpha gives α = 0: there the upsampled map stays under `lo` and the
 * fill is 0. null: α = 0 everywhere.
 */
export function alphaBox(
  prob: Plane,
  W: number,
  H: number,
  opts: RampOptions = RAMP_DEFAULTS,
  fill?: Plane | null,
): Box | null {
  return unionBox(upsampledBox(prob, W, H, opts.lo - RAMP_MARGIN), fill ? upsampledBox(fill, W, H, 0) : null);
}

/**
 * α at W×H: ramp(bilinear(prob)), raised to bilinear(fill) where `fill` (any grid, values in [0, 1])
 * is given. With `tight` (a weight on the map's grid, thick-parts.ts), the ramp moves toward
 * TIGHT_RAMP by that weight. Only `box` (alphaBox's) is computed: the same values as a pass over the whole frame, the
 * plane being 0 elsewhere.
 */
export function networkAlpha(
  prob: Plane,
  W: number,
  H: number,
  opts: RampOptions = RAMP_DEFAULTS,
  fill?: Plane | null,
  box: Box | null = alphaBox(prob, W, H, opts, fill),
  tight: TightOutline | null = null,
): Plane {
  const alpha = makePlane(W, H);
  const A = alpha.data;
  if (!box) return alpha;
  const xa = box.x;
  const xb = box.x + box.w;
  const pax = axis(prob.width, W);
  const pay = axis(prob.height, H);
  const fax = fill ? axis(fill.width, W) : null;
  const fay = fill ? axis(fill.height, H) : null;
  const row = new Float32Array(W);
  const frow = new Float32Array(W);
  const trow = new Float32Array(W);
  const k = 1 / Math.max(1e-6, opts.hi - opts.lo);
  const tr = tight?.ramp ?? TIGHT_RAMP;
  const kt = 1 / Math.max(1e-6, tr.hi - tr.lo);
  const broad = tight?.broad ?? null;
  const srow = new Float32Array(W);
  const sr = broad?.ramp ?? tr;
  const ks = 1 / Math.max(1e-6, sr.hi - sr.lo);
  for (let y = box.y; y < box.y + box.h; y++) {
    upsampleRow(prob, pax, pay, y, row, xa, xb);
    if (fill) upsampleRow(fill, fax!, fay!, y, frow, xa, xb);
    if (tight) upsampleRow(tight.weight, pax, pay, y, trow, xa, xb);
    if (broad) upsampleRow(broad.weight, pax, pay, y, srow, xa, xb);
    const o = y * W;
    for (let x = xa; x < xb; x++) {
      let a = (row[x]! - opts.lo) * k;
      if (tight) {
        const t = trow[x]!;
        a += t * ((row[x]! - tr.lo) * kt - a);
        if (broad) a += srow[x]! * ((row[x]! - sr.lo) * ks - a);
      }
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
