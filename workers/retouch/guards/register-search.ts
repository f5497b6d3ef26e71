// Where the result's piece sits in the original, found by content alone: the result's piece (its
// silhouette on the studio background is reliable) is slid over the whole original at every scale of
// a geometric ladder, on a coarse grid, and scored by the normalised cross-correlation of the cells'
// mean gradient magnitude over the cells the piece touches. Gradients, not luminance: a wire spiral
// or a chain covers few cells wholly, and a cell's mean luminance mixes the surface in the original
// and the studio in the result, while the piece's own edges are in both. The silhouettes' seeds
// (register.ts) need the original's silhouette, which a busy surface (satin, wood, velvet, lavender)
// breaks; this search does not read it. Its best few placements seed the fine search (register-refine.ts).
// Loupe's composites of the 52 real photos (`npm run retouch -- ... --size 1024`; the truth is each
// report's `framing`, box to placed): with the silhouettes' seeds alone the scale was more than 2 % off
// on 24 (3–62 %: tamar_pendant_0028 on wood 0.62 for 1.00); with these seeds on 3
// (elorine_pendant_necklace1 2 %, elorine_pendant_necklace2, tamar_earring_0363), none of them trusted.
// Written here: template matching under a scale ladder with a mask is a few loops, and no library
// in the project does masked NCC on typed arrays.
import type { ContentPair, Similarity } from "./register-refine";

/** The original's longer side on the coarse grid, in cells. */
const COARSE_SIDE = 112;
/** Ratio between neighbouring scales of the ladder. */
const SCALE_STEP = 1.06;
/** The result's piece covers at least this share of the original's shorter side, at most all of it. */
const MIN_EXTENT = 0.06;
/** A cell is the piece's when at least this share of it is. */
const CELL_COVER = 0.1;
/** Piece cells a placement needs: a small template matches any smooth patch of a busy surface. */
const MIN_CELLS = 60;
/** Piece cells read per placement, at most (an even spread over them). */
const MAX_CELLS = 500;
/** Placements kept, apart by at least this many cells or a scale step. */
const KEEP = 4;

/** Summed-area table (w+1)×(h+1) of a plane. */
function integral(v: Float32Array, w: number, h: number): Float64Array {
  const t = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += v[y * w + x]!;
      t[(y + 1) * (w + 1) + x + 1] = t[y * (w + 1) + x + 1]! + row;
    }
  }
  return t;
}

/** Sum of a plane over [x0, x1) × [y0, y1) from its summed-area table (clamped to the image). */
function boxSum(t: Float64Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number): number {
  const a = Math.max(0, Math.min(w, Math.floor(x0)));
  const b = Math.max(0, Math.min(h, Math.floor(y0)));
  const c = Math.max(0, Math.min(w, Math.ceil(x1)));
  const d = Math.max(0, Math.min(h, Math.ceil(y1)));
  const W = w + 1;
  return t[d * W + c]! - t[b * W + c]! - t[d * W + a]! + t[b * W + a]!;
}

/** |∂x| + |∂y| of a luminance plane (central differences; 0 on the border). */
function gradient(Y: Float32Array, w: number, h: number): Float32Array {
  const g = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      g[i] = Math.abs(Y[i + 1]! - Y[i - 1]!) + Math.abs(Y[i + w]! - Y[i - w]!);
    }
  return g;
}

interface Placement extends Similarity {
  score: number;
  /** Coarse cell of the template's corner and the scale's rung, to keep the kept ones apart. */
  ox: number;
  oy: number;
  rung: number;
}

/**
 * The best placements of the result's piece (`afterPiece` ≥ 0.5) over the original, best first, as
 * similarities (after = before · scale + (dx, dy)) with their coarse correlation.
 */
export function searchPlacements(pair: ContentPair, afterPiece: Float32Array): Placement[] {
  const { before, after } = pair;
  const { width: Wa, height: Ha } = after;
  // The result's piece: its box and, for the cells, luminance × coverage and coverage tables.
  let x0 = Wa;
  let y0 = Ha;
  let x1 = -1;
  let y1 = -1;
  const cover = new Float32Array(Wa * Ha);
  const Ga = gradient(pair.Ya, Wa, Ha);
  for (let y = 0; y < Ha; y++)
    for (let x = 0; x < Wa; x++) {
      const i = y * Wa + x;
      if (afterPiece[i]! < 0.5) continue;
      cover[i] = 1;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  if (x1 < 0) return [];
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const tCover = integral(cover, Wa, Ha);
  const tGrad = integral(Ga, Wa, Ha);
  // The original on the coarse grid: f original pixels per cell.
  const { width: Wb, height: Hb } = before;
  const f = Math.max(1, Math.ceil(Math.max(Wb, Hb) / COARSE_SIDE));
  const wc = Math.floor(Wb / f);
  const hc = Math.floor(Hb / f);
  const tb = integral(gradient(pair.Yb, Wb, Hb), Wb, Hb);
  const B = new Float32Array(wc * hc);
  for (let y = 0; y < hc; y++)
    for (let x = 0; x < wc; x++) B[y * wc + x] = boxSum(tb, Wb, Hb, x * f, y * f, (x + 1) * f, (y + 1) * f) / (f * f);
  const B2 = new Float32Array(wc * hc);
  for (let i = 0; i < B.length; i++) B2[i] = B[i]! * B[i]!;
  const kept: Placement[] = [];
  // Scales (result pixels per original pixel) from the piece filling the original to it covering MIN_EXTENT of it.
  const sMin = Math.max(bw / Wb, bh / Hb);
  const sMax = Math.max(bw, bh) / (MIN_EXTENT * Math.min(Wb, Hb));
  const cellsX: number[] = [];
  const cellsY: number[] = [];
  const vals: number[] = [];
  for (let rung = 0, s = sMin; s <= sMax; rung++, s *= SCALE_STEP) {
    // The template: cells of the original's grid over the piece's box at this scale.
    const step = f * s; // result pixels per cell
    const tw = Math.floor(bw / step);
    const th = Math.floor(bh / step);
    if (tw < 2 || th < 2 || tw > wc || th > hc) continue;
    cellsX.length = 0;
    cellsY.length = 0;
    vals.length = 0;
    for (let v = 0; v < th; v++)
      for (let u = 0; u < tw; u++) {
        const ax0 = x0 + u * step;
        const ay0 = y0 + v * step;
        const c = boxSum(tCover, Wa, Ha, ax0, ay0, ax0 + step, ay0 + step);
        const area = Math.max(1, (Math.ceil(ax0 + step) - Math.floor(ax0)) * (Math.ceil(ay0 + step) - Math.floor(ay0)));
        if (c < CELL_COVER * area) continue;
        cellsX.push(u);
        cellsY.push(v);
        vals.push(boxSum(tGrad, Wa, Ha, ax0, ay0, ax0 + step, ay0 + step) / area);
      }
    if (vals.length < MIN_CELLS) continue;
    const stride = Math.max(1, vals.length / MAX_CELLS);
    const idx: number[] = [];
    for (let k = 0; k < vals.length; k += stride) idx.push(Math.floor(k));
    const n = idx.length;
    let sa = 0;
    let saa = 0;
    for (const k of idx) {
      sa += vals[k]!;
      saa += vals[k]! * vals[k]!;
    }
    const va = saa - (sa * sa) / n;
    if (va <= 0) continue;
    const ma = sa / n;
    for (let oy = 0; oy + th <= hc; oy++)
      for (let ox = 0; ox + tw <= wc; ox++) {
        let sb = 0;
        let sbb = 0;
        let sab = 0;
        for (const k of idx) {
          const j = (oy + cellsY[k]!) * wc + ox + cellsX[k]!;
          const b = B[j]!;
          sb += b;
          sbb += B2[j]!;
          sab += (vals[k]! - ma) * b;
        }
        const vb = sbb - (sb * sb) / n;
        if (vb <= 0) continue;
        const score = sab / Math.sqrt(va * vb);
        keep(kept, { score, ox, oy, rung, scale: s, dx: x0 - ox * f * s, dy: y0 - oy * f * s });
      }
  }
  return kept.sort((p, q) => q.score - p.score);
}

/** Adds p to the best KEEP placements, one per neighbourhood (2 cells, 1 rung). */
function keep(kept: Placement[], p: Placement): void {
  const near = kept.findIndex(
    (q) => Math.abs(q.ox - p.ox) <= 2 && Math.abs(q.oy - p.oy) <= 2 && Math.abs(q.rung - p.rung) <= 1,
  );
  if (near >= 0) {
    if (kept[near]!.score < p.score) kept[near] = p;
    return;
  }
  if (kept.length < KEEP) {
    kept.push(p);
    return;
  }
  let worst = 0;
  for (let k = 1; k < kept.length; k++) if (kept[k]!.score < kept[worst]!.score) worst = k;
  if (kept[worst]!.score < p.score) kept[worst] = p;
}
