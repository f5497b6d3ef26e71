// Smudges: low-contrast blotches (a fingerprint, a greasy film) a few percent darker than the
// metal around them and larger than a speck, so the speck median (radius R) follows them. They are
// looked for at reduced resolution against a median of radius 2R, only on smooth (polished) metal —
// on brushed or hammered finishes a blotch cannot be told from the finish — and only as compact,
// closed blobs: long darker bands on polished metal are reflections of the room, not smudges.
import type { Component } from "./components";
import { componentsOf } from "./components";
import { separableMedian } from "./median";
import type { Box } from "../types";
import { blobMean, ringMean } from "./ring-mean";
import { logChroma } from "./shading";
import { metalColour } from "./ring";
import type { SpotCrop } from "./spot-crop";
import { grainDirectionality } from "./grain";

/** A blotch must be at least this much darker than its median (share of 8-bit sRGB, ≈ 7 % in linear light), and at most MAX_DEFICIT. */
const MIN_DEFICIT = 0.02;
const MAX_DEFICIT = 0.22;
/**
 * Least radius (full-resolution px) of the median a film is measured against: a film 10–20 px across
 * pulls a narrower median toward itself (dust2's films at 640 px, where 2R is 8 px: 4 of 7 found).
 */
const MEDIAN_REACH = 14;
/** Fine-scale activity (mean |Y − median|, 8-bit) above which the finish is not smooth. */
const SMOOTH = 3;
/**
 * On a brushed finish (grain steps BRUSHED × as large one way as the other) a film is looked for up to
 * SMOOTH_BRUSHED: its streaks run straight through a blotch, and the lift keeps them (film.ts).
 * Measured (scratch why14h): dust2's smudges on brushed silver at 1600 px lie at activity 3.4–5.0 and
 * directionality 3.8–5.2; the blotches found on the 52 real photos (hammered gold, stones, polished
 * metal) at 1.0–1.7 and one at 3.7 (elorine_bracelet_bracelet6, found already at activity ≤ 3); the 16
 * blotches a plain SMOOTH of 4.5 added on them (tamar_ring_0339's stone, elorine_ring_other1) at
 * 1.05–1.3. With these bounds dust2 at 1600 px 121 → 125 of 143, the real photos' edits unchanged (72).
 */
const SMOOTH_BRUSHED = 4.5;
const BRUSHED = 2.5;
/** The ring around a smudge: at least this share on the piece, and this quiet (mean |Δ| / mean). */
const RING_ON_PIECE = 0.8;
const RING_QUIET = 0.035;

/**
 * A film on metal sits inside an even stretch of that metal: the ring around the blob (as wide as
 * half the blob) lies on the piece and varies little. The dark side of a bead or stone among wire
 * and other beads does not.
 */
function quietRing(
  Yd: Uint8Array,
  innerD: Uint8Array,
  dw: number,
  dh: number,
  box: { x: number; y: number; w: number; h: number },
): boolean {
  const m = Math.max(2, Math.ceil(Math.max(box.w, box.h) / 2));
  let n = 0;
  let on = 0;
  let sum = 0;
  const vals: number[] = [];
  for (let y = box.y - m; y < box.y + box.h + m; y++)
    for (let x = box.x - m; x < box.x + box.w + m; x++) {
      if (x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h) continue;
      n++;
      if (x < 0 || y < 0 || x >= dw || y >= dh || !innerD[y * dw + x]) continue;
      on++;
      const v = Yd[y * dw + x]!;
      sum += v;
      vals.push(v);
    }
  if (on < RING_ON_PIECE * n) return false;
  const mean = sum / on;
  let dev = 0;
  for (const v of vals) dev += Math.abs(v - mean);
  return dev / on <= RING_QUIET * Math.max(mean, 1);
}

/**
 * Smudges as components of the crop (w × h, full resolution, pixel indices in raster order).
 * activity(x, y): the fine-scale texture around a pixel.
 */
export function findSmudges(
  Y: Uint8Array,
  inner: Uint8Array,
  w: number,
  h: number,
  R: number,
  activity: (x: number, y: number) => number,
): Component[] {
  // Reduced by k = R/4 (2 up to 1600 px, 4 at 4 MP, 7 at 20 MP): a film 10–20 px across stays several
  // reduced pixels wide.
  // Reduced by R/2 (5 at 1600 px) dust2's films split below the least area (1600 px: 6 of 12 found on
  // polished metal, 12 of 12 with this and the 3 × 3 mean below); the wide median runs on a quarter to
  // a fiftieth of full resolution.
  const k = Math.max(2, Math.floor(R / 4));
  const dw = Math.floor(w / k);
  const dh = Math.floor(h / k);
  if (dw < 8 || dh < 8) return [];
  const n = dw * dh;
  const Yd = new Uint8Array(n);
  const innerD = new Uint8Array(n);
  const kk = k * k;
  for (let y = 0; y < dh; y++)
    for (let x = 0; x < dw; x++) {
      let sum = 0;
      let all = 1;
      for (let yy = 0; yy < k; yy++) {
        const o = (k * y + yy) * w + k * x;
        for (let xx = 0; xx < k; xx++) {
          sum += Y[o + xx]!;
          all &= inner[o + xx]!;
        }
      }
      Yd[y * dw + x] = Math.round(sum / kk);
      innerD[y * dw + x] = all;
    }
  // A median of radius 2R, at least MEDIAN_REACH (full-resolution pixels).
  const Md = separableMedian(
    Yd,
    dw,
    dh,
    Math.max(3, Math.round(Math.max(2 * R, MEDIAN_REACH) / k)),
    new Uint8Array(n),
    innerD,
  );
  const list: number[] = [];
  // The blotch is read on the reduced grid's 3 × 3 mean (interior pixels only): a film a few percent
  // darker is then one compact blob, not a scatter of the pixels that noise left over the threshold.
  const Yb = boxMean3(Yd, innerD, dw, dh);
  for (let i = 0; i < n; i++) {
    if (!innerD[i]) continue;
    const m = Md[i]!;
    const v = Yb[i]!;
    if (v <= m - Math.max(2.5, MIN_DEFICIT * m) && v >= (1 - MAX_DEFICIT) * m) list.push(i);
  }
  // Areas in reduced pixels: radius up to 1.5R at full resolution, at least 0.5 × min(R, 5) and 32 px.
  const maxArea = Math.round((Math.PI * (1.5 * R) ** 2) / kk);
  const minArea = Math.max(3, Math.round((Math.PI * (0.5 * Math.min(R, 5)) ** 2) / kk), Math.round(32 / kk));
  const out: Component[] = [];
  for (const c of componentsOf(list, dw, maxArea)) {
    if (c.area > maxArea || c.area < minArea) continue;
    const { w: bw, h: bh } = c.box;
    if (c.area < 0.45 * bw * bh || Math.max(bw, bh) > 2.2 * Math.min(bw, bh)) continue;
    if (!quietRing(Yd, innerD, dw, dh, c.box)) continue;
    const cx = k * c.box.x + ((k * bw) >> 1);
    const cy = k * c.box.y + ((k * bh) >> 1);
    const act = activity(cx, cy);
    if (act > SMOOTH && (act > SMOOTH_BRUSHED || grainDirectionality(Y, inner, w, h, cx, cy, 2 * R) < BRUSHED))
      continue;
    // Back to full resolution: each reduced pixel's k × k block, with the film's soft rim.
    const px: number[] = [];
    for (const p of withFilmRim(c, Yb, Md, innerD, dw, dh)) {
      const x = k * (p % dw);
      const y = k * ((p / dw) | 0);
      for (let yy = 0; yy < k; yy++)
        for (let xx = 0; xx < k; xx++) {
          const q = (y + yy) * w + x + xx;
          if (inner[q]) px.push(q);
        }
    }
    px.sort((a, b) => a - b);
    out.push({
      label: c.label,
      area: px.length,
      box: { x: k * c.box.x, y: k * c.box.y, w: k * bw, h: k * bh },
      pixels: Int32Array.from(px),
    });
  }
  return out;
}

/**
 * A film fades out over a few pixels: past the blob found at the full deficit, the pixels within
 * RIM_REACH × the blob's size that are darker than their median by half that deficit are lifted with
 * it. Measured (scratch why14h, dust2 at 1600 px): a smudge on polished yellow gold found 8 × 6 px of
 * its 12 × 9 was lifted only in its core and still showed (129 → 130 of 143);
 * the 52 real photos' edits unchanged (47), only their films' lifted areas grow.
 */
const RIM_REACH = 0.5;

function withFilmRim(
  c: Component,
  Yb: Float32Array,
  Md: Uint8Array,
  innerD: Uint8Array,
  dw: number,
  dh: number,
): number[] {
  const out = Array.from(c.pixels);
  const inC = new Set<number>(c.pixels);
  const { x: bx, y: by, w: bw, h: bh } = c.box;
  const mg = Math.max(1, Math.ceil(RIM_REACH * Math.max(bw, bh)));
  for (let y = Math.max(0, by - mg); y < Math.min(dh, by + bh + mg); y++)
    for (let x = Math.max(0, bx - mg); x < Math.min(dw, bx + bw + mg); x++) {
      const i = y * dw + x;
      if (inC.has(i) || !innerD[i]) continue;
      const m = Md[i]!;
      if (Yb[i]! <= m - 0.5 * Math.max(2.5, MIN_DEFICIT * m) && Yb[i]! >= (1 - MAX_DEFICIT) * m) out.push(i);
    }
  return out;
}

/** 3 × 3 mean of v over the mask's pixels (the centre's own value where it is alone). */
function boxMean3(v: Uint8Array, mask: Uint8Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!mask[i]) continue;
      let s = 0;
      let c = 0;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++)
        for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
          const j = yy * w + xx;
          if (!mask[j]) continue;
          s += v[j]!;
          c++;
        }
      out[i] = s / c;
    }
  return out;
}

/**
 * A film on coloured metal (grease, a fingerprint) scatters some light back white: it is darker and
 * duller than the metal around it, its tint (log-chromaticity from grey) lower by at least FILM_DULL.
 * The metal's own shading — a hammer mark, an engraving's shadow, a reflection of the room — keeps or
 * deepens the tint. Measured (scratch shift14f/smu14f): dust2's films on yellow gold at 1600 px are
 * 0.27–0.28 duller than their ring (the grey test, mean max − min ≤ 80 levels, turned them away); of
 * the blotches the grey test turns away on the 52 real photos, tamar_pendant_0350's hammered gold is
 * 0.06 more saturated, tamar_bracelet_0359's 0.25 more, elorine_bracelet_bracelet6's dark gold from
 * 0.36 more to 0.04 duller.
 */
const FILM_DULL = 0.1;

/** Whether the blotch (its pixels and box in the crop) lies on metal and is a duller film on it. */
export function filmOnMetal(crop: SpotCrop, pixels: Int32Array, box: Box): boolean {
  const r = ringMean(crop, box);
  if (!r) return false;
  const ring = logChroma(...r);
  if (!metalColour(ring[0], ring[1])) return false;
  const blob = logChroma(...blobMean(crop, pixels));
  return Math.hypot(ring[0], ring[1]) - Math.hypot(blob[0], blob[1]) >= FILM_DULL;
}
