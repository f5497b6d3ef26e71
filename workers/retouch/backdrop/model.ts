// Stage 5a — a smooth model of the shooting surface: a quadratic in (u, v) per linear-RGB channel,
// fitted robustly to pixels far from the piece. Captures sweeps, gradients and vignetting; its
// residual says how far the surface can be trusted as "known B" for matting and decontamination.
import type { Image8, Plane } from "../types";
import { LINEAR_LUT, luminance } from "../color";
import { dilate } from "../pixels/mask";
import { selectK } from "../pixels/select";

export interface BackdropModel {
  /** 6 coefficients per channel: 1, u, v, u², uv, v² with u, v in [0, 1]. */
  coef: [Float64Array, Float64Array, Float64Array];
  /** Linear RGB at the piece's centre (what the lamp made of the surface where the piece sits). */
  atPiece: [number, number, number];
  /** Linear RGB averaged over the frame. */
  mean: [number, number, number];
  /** RMS of the robust residual, relative to the surface's luminance. */
  residual: number;
  /** The same in absolute linear units (per channel): the surface's noise and texture level. */
  residualAbs: number;
  /** 1 − (spread of the model's luminance over the frame) / mean luminance. */
  uniformity: number;
  /** 0..1: how far the surface can be trusted as a known B (smooth and well sampled). */
  trust: number;
  samples: number;
}

/**
 * Linear level from which every channel of the surface is read as clipped (sRGB ≥ 253 of 255). A
 * surface shot to pure white tells neither its exposure nor its white balance (its true level is
 * anywhere at or above the sensor's ceiling), nor a white piece from itself by colour. Measured on
 * ../shared/data/cutout-dev's flat-white scenes (13 pieces, `npm run bench -- --only cutout`): reading
 * it as L* 100 darkened every piece by ×0.9 and tripled the cutout's edge error against the true piece
 * (0.008 left as shot → 0.027).
 */
export const CLIPPED = 0.98;

/** The surface where the piece sits is pure white (see CLIPPED). */
export function clippedWhite(model: BackdropModel): boolean {
  return Math.min(...model.atPiece) >= CLIPPED;
}

/**
 * Mean linear level under which the surface is dark (black velvet, sRGB ≲ 48). There, at the sensor's
 * noise floor, a level or two of JPEG noise is a large ratio: the matte reads such a surface by
 * absolute brightness, not by ratios to it (opaque-fill.ts), and tightens the outline (network-alpha.ts).
 */
export const DARK = 0.03;

/** The surface is dark (see DARK). */
export function darkSurface(model: BackdropModel): boolean {
  return (model.mean[0] + model.mean[1] + model.mean[2]) / 3 < DARK;
}

/**
 * Mean linear level (where the piece sits) under which a light surface reads as mid-grey (sRGB ≲ 0.81:
 * ../shared/data/cutout-dev's grey gradients are 0.71–0.77, its pale blue 0.83–0.88, its sweeps
 * 0.88–0.94, and the real photos of ../shared/photos on light surfaces 0.86–0.92). On such a surface
 * white or grey metal drawn a pixel too wide shows as a grey rim (network-alpha.ts, the broad parts).
 */
export const MID_GREY = 0.62;

/** The surface where the piece sits is mid-grey or darker (see MID_GREY). */
export function midGreySurface(model: BackdropModel): boolean {
  return (model.atPiece[0] + model.atPiece[1] + model.atPiece[2]) / 3 < MID_GREY;
}

/** The six basis terms at (u, v), written at out[o..o+6). */
function basis(u: number, v: number, out: Float64Array, o: number): void {
  out[o] = 1;
  out[o + 1] = u;
  out[o + 2] = v;
  out[o + 3] = u * u;
  out[o + 4] = u * v;
  out[o + 5] = v * v;
}

function solve6(ata: Float64Array, atb: Float64Array): Float64Array {
  // Gaussian elimination with partial pivoting on a 6×6 system (plus a tiny ridge for stability).
  const n = 6;
  const m = new Float64Array(n * (n + 1));
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) m[r * (n + 1) + c] = ata[r * n + c]! + (r === c ? 1e-9 : 0);
    m[r * (n + 1) + n] = atb[r]!;
  }
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * (n + 1) + c]!) > Math.abs(m[p * (n + 1) + c]!)) p = r;
    if (p !== c)
      for (let k = 0; k <= n; k++)
        [m[c * (n + 1) + k], m[p * (n + 1) + k]] = [m[p * (n + 1) + k]!, m[c * (n + 1) + k]!];
    const d = m[c * (n + 1) + c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * (n + 1) + c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r * (n + 1) + k]! -= f * m[c * (n + 1) + k]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = 0; r < n; r++) x[r] = m[r * (n + 1) + n]! / (m[r * (n + 1) + r]! || 1e-12);
  return x;
}

/** The fitted surface at (u, v) into `out` (no allocation: the fill calls it once per work pixel). */
export function evalModel(model: BackdropModel, u: number, v: number, out: Float64Array | number[]): void {
  for (let c = 0; c < 3; c++) {
    const k = model.coef[c]!;
    out[c] = k[0]! + k[1]! * u + k[2]! * v + k[3]! * u * u + k[4]! * u * v + k[5]! * v * v;
  }
}

/**
 * Fits the surface. `prob` is the piece probability at any resolution; a pixel is a sample when
 * the probability there and around it is low (distance from the piece ≥ ~2 % of the frame).
 */
export function fitBackdrop(img: Image8, prob: Plane, pieceCenter: [number, number]): BackdropModel {
  const { width: W, height: H, data } = img;
  const step = Math.max(1, Math.floor(Math.sqrt((W * H) / 40000)));
  const pr = Math.max(1, Math.round(prob.width * 0.02));
  // A coarse "near the piece" test on the probability map: max over a window of radius pr.
  const pw = prob.width;
  const ph = prob.height;
  const near = new Uint8Array(pw * ph);
  for (let y = 0; y < ph; y++) for (let x = 0; x < pw; x++) if (prob.data[y * pw + x]! > 0.05) near[y * pw + x] = 1;
  const nearD = dilate(near, pw, ph, pr);

  // The samples, with their basis terms computed once for the three reweighting passes.
  const cap = Math.ceil(H / step) * Math.ceil(W / step);
  const bs = new Float64Array(6 * cap);
  const cs = [new Float64Array(cap), new Float64Array(cap), new Float64Array(cap)] as const;
  let nS = 0;
  for (let y = Math.floor(step / 2); y < H; y += step) {
    const py = Math.min(ph - 1, Math.floor(((y + 0.5) * ph) / H));
    for (let x = Math.floor(step / 2); x < W; x += step) {
      const px = Math.min(pw - 1, Math.floor(((x + 0.5) * pw) / W));
      if (nearD[py * pw + px]) continue;
      const o = 3 * (y * W + x);
      basis((x + 0.5) / W, (y + 0.5) / H, bs, 6 * nS);
      cs[0][nS] = LINEAR_LUT[data[o]!]!;
      cs[1][nS] = LINEAR_LUT[data[o + 1]!]!;
      cs[2][nS] = LINEAR_LUT[data[o + 2]!]!;
      nS++;
    }
  }
  const keep = new Uint8Array(nS).fill(1);
  let coef: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(6),
    new Float64Array(6),
    new Float64Array(6),
  ];
  let residual = 1;
  const [c0, c1, c2] = cs;
  const res = new Float64Array(nS);
  const res32 = new Float32Array(nS); // the median's selection reads float32 keys (pixels/select.ts)
  for (let pass = 0; pass < 3 && nS >= 12; pass++) {
    // The normal matrix depends on the sample positions only: one AᵀA (its upper triangle, mirrored)
    // serves all three channels, written out one by one (with the basis computed once and the median
    // selected, not sorted: 26–30 → 15–19 ms per call on the 4 MP bench input).
    const ata = new Float64Array(36);
    const atb = [new Float64Array(6), new Float64Array(6), new Float64Array(6)] as const;
    const [t0, t1, t2] = atb;
    for (let i = 0; i < nS; i++) {
      if (!keep[i]) continue;
      const o = 6 * i;
      const v0 = c0[i]!;
      const v1 = c1[i]!;
      const v2 = c2[i]!;
      for (let r = 0; r < 6; r++) {
        const br = bs[o + r]!;
        for (let k = r; k < 6; k++) ata[r * 6 + k]! += br * bs[o + k]!;
        t0[r]! += br * v0;
        t1[r]! += br * v1;
        t2[r]! += br * v2;
      }
    }
    for (let r = 0; r < 6; r++) for (let k = 0; k < r; k++) ata[r * 6 + k] = ata[k * 6 + r]!;
    coef = [solve6(ata, t0), solve6(ata, t1), solve6(ata, t2)];
    const [k0, k1, k2] = coef;
    // Residuals in luminance; drop outliers (props, shadows, dust on the sweep) beyond 3 MAD.
    for (let i = 0; i < nS; i++) {
      const o = 6 * i;
      let m0 = 0;
      let m1 = 0;
      let m2 = 0;
      for (let r = 0; r < 6; r++) {
        const br = bs[o + r]!;
        m0 += k0[r]! * br;
        m1 += k1[r]! * br;
        m2 += k2[r]! * br;
      }
      res[i] = Math.sqrt(((c0[i]! - m0) ** 2 + (c1[i]! - m1) ** 2 + (c2[i]! - m2) ** 2) / 3);
    }
    res32.set(res);
    const med = selectK(res32, nS >> 1);
    const cut = Math.max(3 * 1.4826 * med, 0.01);
    let s2 = 0;
    let cnt = 0;
    for (let i = 0; i < nS; i++) {
      keep[i] = res[i]! <= cut ? 1 : 0;
      if (keep[i]) {
        s2 += res[i]! ** 2;
        cnt++;
      }
    }
    residual = Math.sqrt(s2 / Math.max(cnt, 1));
  }
  if (nS < 12)
    coef = [Float64Array.of(1, 0, 0, 0, 0, 0), Float64Array.of(1, 0, 0, 0, 0, 0), Float64Array.of(1, 0, 0, 0, 0, 0)];

  const model: BackdropModel = {
    coef,
    atPiece: [0, 0, 0],
    mean: [0, 0, 0],
    residual: 0,
    residualAbs: residual,
    uniformity: 0,
    trust: 0,
    samples: nS,
  };
  evalModel(model, pieceCenter[0], pieceCenter[1], model.atPiece);
  let lo = Infinity;
  let hi = -Infinity;
  const tmp = [0, 0, 0];
  for (let j = 0; j <= 8; j++)
    for (let i = 0; i <= 8; i++) {
      evalModel(model, i / 8, j / 8, tmp);
      for (let c = 0; c < 3; c++) model.mean[c]! += tmp[c]! / 81;
      const y = luminance(tmp[0]!, tmp[1]!, tmp[2]!);
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  const meanY = Math.max(luminance(...model.mean), 1e-4);
  model.residual = residual / meanY;
  model.uniformity = Math.max(0, Math.min(1, 1 - (hi - lo) / meanY));
  // Trust: noise-level residual (in absolute linear units, which matter for matting) and enough
  // samples. Textured tabletops and busy scenes get 0 and fall back to colour-only estimates.
  const absResidual = residual;
  model.trust = nS < 50 ? 0 : Math.max(0, Math.min(1, (0.03 - absResidual) / 0.02));
  return model;
}
