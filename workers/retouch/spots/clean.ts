// Stage 6 — spot cleanup on the piece: dust, specks and lint are small blobs (or thin strands) that
// differ from a local median. Catchlights (bright blobs reaching the piece's brightest level) are
// found first and never touched; light dust is a bright blob that does not reach it. The threshold
// rises with local texture so brushed and hammered finishes keep their grain, and a dark blob with
// the metal's own chromaticity is shading (a pit, an engraving), not dust. A spot is dust only on an
// even stretch of the piece (ring.ts): beads, braids, wire over stones and the piece's edge are its
// own pattern, and light grey dust on coloured metal (light-dust.ts) is told from a reflection on
// glass the same way. Smudges are lifted keeping the finish's detail (film.ts). There is no cap: every
// spot is listed with its confidence, highest first. Every spot gets a stable id (raster order);
// disabled ids are detected and reported but not painted, so the UI can undo one.
import type { Box } from "../types";
import type { SpotEdit } from "../report";
import { separableMedian } from "./median";
import { RunBuilder, erodeRuns, paintRuns } from "./runs";
import { OPAQUE, opaqueBox } from "./opaque-box";
import { componentsOf, type Component } from "./components";
import { RowBoxMean, SparseBoxMean } from "./window-mean";
import { fillHarmonic } from "./inpaint";
import { liftFilm } from "./film";
import { scratchOf } from "../pixels/scratch";
import { catchlightLevel, peakCatchLevel } from "./catchlights";
import { isShading, shiftOnColouredMetal } from "./shading";
import { isGreyOnColouredMetal, isNeutralSurround } from "./light-dust";
import { findSmudges, filmOnMetal } from "./smudges";
import { ringStats, evenRing, onMetal, SPOT_RING, LIGHT_RING } from "./ring";
import { FAINT, faintSpeckPeak, type FaintContext } from "./faint-specks";
import type { SpotCrop } from "./spot-crop";

/** Share of other candidate pixels around a spot above which it is texture, not dust. */
const DENSE = 0.012;
/** Mean |luma − median| (8-bit) above which a surface is too busy to tell dust from its pattern. */
const BUSY = 8;
/** Least |luma − median| (8-bit) of a spot pixel on a smooth finish; it rises by 3 per unit of activity. */
const BASE = 12;
/**
 * A deep dark spot (STAIN_DEPTH over its median) on metal whose ring varies by at most STAIN_RING is
 * dust even with the metal's chromaticity. Measured: brown and dark grey dust on rose gold (dust2):
 * ring spread 0.012–0.040, depth 47–62; the 129 blobs the shading test holds back on 44 real photos
 * have ring spread ≥ 0.055 (the hammered and engraved ones), and those deeper than 34 have ≥ 0.14.
 */
const STAIN_RING = 0.045;
/** Largest side (px) of a light speck on neutral metal: the hidden set's specks are 1–6 px across. */
const NEUTRAL_SIDE = 8;
const STAIN_DEPTH = 40;
/**
 * A lone dark pixel under 1.5 × the threshold is taken when its colour is LONE_SHIFT (log-chromaticity)
 * or more from the coloured metal around it and the activity is at most LONE_ACT. Measured (scratch
 * why14h, dust2 at 1600 px): the lone pixels of mid grey and blue-grey specks 1.7–2.3 px across and
 * of fibres on yellow and rose gold shift 0.40–1.06 at activity 1.5–2.9; on the 52 real photos the
 * lone dark pixels this would take without the bounds shift 0.17 (activity 2.3) and 0.34–0.44
 * (activity 4.4–4.6), or lie on neutral metal.
 */
const LONE_SHIFT = 0.38;
const LONE_ACT = 3;

/**
 * Least salience / 10 of a held-back spot listed as a suggestion; its confidence is then halved
 * (HELD), so the list ranks what was applied above what its place argues against. Measured on the
 * 52 real photos' spot-stage inputs (scratch held14f): 1486 held-back spots stand out ≥ 0.3, 1323
 * ≥ 0.5 (25 a photo; median 0.76) — beads, pavé and wire the ring test keeps. Listed, not applied.
 */
const SUGGEST = 0.5;
const HELD = 0.5;
type Held = NonNullable<SpotEdit["held"]>;
interface Found {
  c: Component;
  salience: number;
  smudge?: boolean;
  held?: Held;
}

export interface SpotResult {
  edits: (SpotEdit & { disabled?: boolean })[];
  highlightPixels: number;
  /** Mean |luma − local median| over the piece's interior (8-bit units): the finish's texture. */
  texture: number;
}

export function cleanSpots(
  rgba: Uint8Array,
  W: number,
  H: number,
  alpha: Float32Array,
  disabled: ReadonlySet<number>,
  /** A box outside which α = 0 (only it is searched for the opaque part). */
  within?: Box,
): SpotResult {
  const bb = opaqueBox(alpha, W, H, within);
  if (!bb) return { edits: [], highlightPixels: 0, texture: 0 };
  const diag = Math.hypot(W, H);
  const R = Math.min(40, Math.max(4, Math.round(0.0045 * diag)));
  const { x: bx, y: by, w, h } = bb;
  const n = w * h;
  const Y = scratchOf("spots.y", Uint8Array, n);
  // The median is read only on the interior and where the relative highlight test below needs it
  // (170 ≤ Y < 235); elsewhere it is not computed.
  const need = scratchOf("spots.need", Uint8Array, n);
  const opaque = new RunBuilder();
  for (let y = 0; y < h; y++) {
    const o = y * w;
    const go = (by + y) * W + bx;
    let run = -1;
    for (let x = 0; x < w; x++) {
      const q = 4 * (go + x);
      const v = (54 * rgba[q]! + 183 * rgba[q + 1]! + 19 * rgba[q + 2]!) >> 8;
      Y[o + x] = v;
      need[o + x] = v >= 170 && v < 235 ? 1 : 0;
      if (alpha[go + x]! >= OPAQUE) {
        if (run < 0) run = x;
      } else if (run >= 0) {
        opaque.add(run, x);
        run = -1;
      }
    }
    if (run >= 0) opaque.add(run, w);
    opaque.endRow();
  }
  // A window at distance d ≥ 0 inside the edge still holds a majority of piece pixels, so its median
  // is the piece's; only the mixed edge pixels themselves (and one more for safety) are excluded.
  const innerRuns = erodeRuns(opaque.runs, w, h, 2);
  const inner = scratchOf("spots.inner", Uint8Array, n).fill(0);
  paintRuns(innerRuns, w, inner);
  paintRuns(innerRuns, w, need);
  const crop: SpotCrop = { rgba, W, cw: w, ch: h, bx, by, inner };
  const M = separableMedian(Y, w, h, R, scratchOf("spots.median", Uint8Array, n), need);

  // Per row: |Y − M| on the interior (its mean is the finish's texture; its box mean the local
  // activity) and the highlight pixels.
  const activity = new RowBoxMean(w, h, 3 * R);
  const devRow = new Uint8Array(w);
  const hl0 = scratchOf("spots.highlight", Uint8Array, n);
  let highlightPixels = 0;
  let texSum = 0;
  let texN = 0;
  // Pixels far enough from the median to be candidates whatever the activity (the threshold is ≥ BASE).
  const maybe: number[] = [];
  // Pixels a little brighter than the median (FAINT): light grey specks on neutral metal.
  const faintList: number[] = [];
  const hist = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = Y[i]!;
      let d = 0;
      if (inner[i]) {
        const sd = v - M[i]!;
        d = Math.abs(sd);
        texSum += d;
        texN++;
        hist[v]!++;
        if (sd < -BASE || sd > BASE) maybe.push(i);
        if (sd > FAINT) faintList.push(i);
      }
      devRow[x] = d;
      const hl = v >= 235 || (v >= 170 && v >= 1.15 * M[i]!) ? 1 : 0;
      hl0[i] = hl;
      highlightPixels += hl;
    }
    activity.setRow(y, devRow);
  }
  const maxSide = 4 * R;
  const maxArea = Math.round(Math.PI * (1.5 * R) ** 2);
  // Every bright blob (near-white, or ≥ 15 % over its median) stays protected: on real photos the
  // reflections on glass beads and stones are bright blobs that do not reach the piece's brightest
  // level, so that level alone cannot tell them from light dust. Light dust is a brighter spot
  // under both — and under the catchlight level.
  const catchLevel = catchlightLevel(hist);
  const greyCatchLevel = peakCatchLevel(hist);
  // "Near a highlight" is any highlight pixel within 2 px. It and the activity are read only for
  // those pixels (0.1–5 % of the box), in raster order.
  const nearHighlight = (x: number, y: number) => {
    for (let yy = Math.max(0, y - 2); yy <= Math.min(h - 1, y + 2); yy++)
      for (let xx = Math.max(0, x - 2); xx <= Math.min(w - 1, x + 2); xx++) if (hl0[yy * w + xx]) return true;
    return false;
  };
  const candList: number[] = [];
  const candActivity: number[] = [];
  // Bright pixels inside the highlight protection but under the catchlight level: light dust only if
  // the blob turns out grey on coloured metal (light-dust.ts).
  const lightList: number[] = [];
  for (const i of maybe) {
    const x = i % w;
    const y = (i - x) / w;
    const d = Y[i]! - M[i]!;
    if (nearHighlight(x, y)) {
      if (d > BASE && Y[i]! < greyCatchLevel) lightList.push(i);
      continue;
    }
    const act = activity.at(x, y);
    const thr = BASE + 3 * act;
    if (d < -thr || (d > thr && Y[i]! < catchLevel)) {
      candList.push(i);
      candActivity.push(act);
    } else if (d > thr && Y[i]! < greyCatchLevel) {
      // Over the catchlight quantile but not a highlight (under 1.15 × its median, away from one): a
      // light grey speck on gold that a few catchlights' level does not reach. It is judged as light
      // dust (grey on coloured metal, even ring), not left unjudged. Measured (scratch why14h, dust2
      // at 1600 px, 8 pieces): light grey specks and fibres on polished yellow gold at luma 196–200
      // over a catchlight level of 185: 2 more removed; 52 real photos: 72 applied edits, unchanged.
      lightList.push(i);
    }
  }
  // Texture, not dust: where candidates are dense (turquoise matrix, pavé, engraving, granulation)
  // they are the material itself. Real dust is sparse.
  const density = new SparseBoxMean(candList, w, h, 6 * R);
  const windowArea = (12 * R + 1) ** 2;
  const edits: SpotResult["edits"] = [];
  let id = 0;
  const accepted: Found[] = [];
  // Spots held back only by their place (the ring: other material, uneven metal) or as the metal's
  // shading: listed as suggestions, not applied, when they stand out enough (SUGGEST).
  const suggest = (c: Component, salience: number, why: Held) => {
    if (salience >= 10 * SUGGEST) accepted.push({ c, salience, held: why });
  };
  // A lone dark pixel whose colour leaves the coloured metal's (a speck 1.5–2.5 px across of grey or
  // blue-grey dust on gold: one pixel over the threshold, its rim under it), on a smooth stretch.
  const loneOnColour = (c: Component, signed: number, act: number) =>
    signed < 0 && act <= LONE_ACT && (shiftOnColouredMetal(crop, c.pixels, c.box) ?? 0) >= LONE_SHIFT;
  const darkComps = componentsOf(candList, w, maxArea);
  for (const c of darkComps) {
    if (c.area > maxArea || c.box.w > maxSide || c.box.h > maxSide) continue;
    // Dust and lint are nearly grey; a coloured blob is more likely a stone, enamel or engraving.
    let chroma = 0;
    let peak = 0;
    let signed = 0;
    for (const p of c.pixels) {
      const gi = (by + ((p / w) | 0)) * W + bx + (p % w);
      const q = 4 * gi;
      chroma += Math.max(rgba[q]!, rgba[q + 1]!, rgba[q + 2]!) - Math.min(rgba[q]!, rgba[q + 1]!, rgba[q + 2]!);
      const sd = Y[p]! - M[p]!;
      if (Math.abs(sd) > peak) {
        peak = Math.abs(sd);
        signed = sd;
      }
    }
    if (chroma / c.area > 80) continue;
    const p0 = c.pixels[0]!;
    const others = density.at(p0 % w, Math.floor(p0 / w)) - c.area / windowArea;
    const act = candActivity[sortedIndex(candList, p0)]!;
    // On a busy finish only a spot that stands far out of the pattern is dust.
    if (others > DENSE || act > BUSY || (act > 5 && peak < 4 * act + 20)) continue;
    // A single pixel is a speck only when it stands out half as far again as a larger spot must, or
    // when it is dark and grey or blue on smooth coloured metal (loneOnColour).
    if (c.area < 2 && peak < 1.5 * (BASE + 3 * act) && !loneOnColour(c, signed, act)) continue;
    // Dust lies on an even stretch of metal (ring.ts); a spot among beads, braid strands, wire over
    // stones or at the piece's edge is the piece's own pattern.
    const ring = ringStats(crop, c.box, nearHighlight);
    if (!evenRing(ring, SPOT_RING)) {
      suggest(c, peak / (act + 2), "pattern");
      continue;
    }
    // A dark blob with the surrounding metal's chromaticity is its shading (pit, engraving) — unless
    // it is deep and the metal around it is smooth (STAIN_RING), where a pit is not to be expected:
    // brown and dark grey dust on rose gold keep nearly the metal's chromaticity.
    // Beside a catchlight or a stone the ring's spread is read without it (ring.ts `beside`).
    const stain = Math.min(ring.lumaSpread, ring.beside?.lumaSpread ?? Infinity) <= STAIN_RING && peak >= STAIN_DEPTH;
    if (signed < 0 && !stain && isShading(crop, c.pixels, c.box)) {
      suggest(c, peak / (act + 2), "shading");
      continue;
    }
    accepted.push({ c, salience: peak / (act + 2) });
  }
  const lightComps = componentsOf(lightList, w, maxArea);
  for (const c of lightComps) {
    if (c.area > maxArea || !spotSized(c, maxSide)) continue;
    if (touchesLevel(Y, w, h, c.box, greyCatchLevel)) continue;
    // On neutral metal (silver, white gold) a light grey speck has the metal's own colour: only a
    // small one (2 px or more, at most NEUTRAL_SIDE across) is taken, and only on an even ring below.
    // Measured (dust2, 8 pieces): light grey specks on polished white gold at 1600 px 5 → 8 of 9,
    // highlights 48 / 48 kept; on 52 real photos 3 more edits (tamar_ring_0339's mottled stone). A
    // thin strand (a fibre) may be longer: dust2's light grey fibres on polished metal at 1600 px
    // 2 → 4 of 5, no edit more on the 52 real photos.
    const long = Math.max(c.box.w, c.box.h);
    const strand = long >= 8 && (long >= 3 * Math.min(c.box.w, c.box.h) || c.area < 0.35 * c.box.w * c.box.h);
    const smallNeutral = c.area >= 2 && (long <= NEUTRAL_SIDE || strand) && isNeutralSurround(crop, c.box);
    if (!smallNeutral && !isGreyOnColouredMetal(crop, c.pixels, c.box)) continue;
    let peak = 0;
    for (const p of c.pixels) peak = Math.max(peak, Y[p]! - M[p]!);
    const p0 = c.pixels[0]!;
    // On a busy surface (a braided cord, wire wrapping, granulation) a grey bright blob is its own
    // pattern: the same gate as for dark spots (elorine_necklace_necklace6: 27 blobs on a braid).
    const act = activity.at(p0 % w, (p0 / w) | 0);
    if (act > BUSY || (act > 5 && peak < 4 * act + 20)) continue;
    // By colour a light grey speck is a pale reflection on glass or a stone; what tells them apart is
    // its place: metal, even and fully around it (ring.ts; tamar_bracelet_0358's glass beads,
    // tamar_bracelet_0353's wire, elorine_necklace_necklace6's braid took 11 edits without it).
    const lr = ringStats(crop, c.box, nearHighlight);
    if (!evenRing(lr, LIGHT_RING)) {
      suggest(c, peak / (act + 2), "pattern");
      continue;
    }
    accepted.push({ c, salience: peak / (act + 2) });
  }
  // Faint light specks on neutral metal (faint-specks.ts): blobs a little brighter than the metal
  // that the search above never judged.
  // Both lists are sparse: a few thousand pixels at most.
  const judged = new Set([...candList, ...lightList]);
  // A lone pixel the search let go (too small to be a speck by itself) may be the peak of a faint
  // blob: it does not count as judged. Measured (withNearSpecks at 1600 px): light grey specks 2.3 and
  // 4.9 px across on silver, whose one pixel over the threshold had kept the faint search off them,
  // 1 more removed (61 → 62 of 70); 52 real photos unchanged (72 applied).
  const taken = new Set(accepted.map((a) => a.c));
  for (const c of [...darkComps, ...lightComps]) if (c.area === 1 && !taken.has(c)) judged.delete(c.pixels[0]!);
  const faint: FaintContext = {
    Y,
    M,
    judged,
    nearHighlight,
    touchesCatchlight: (c) => touchesLevel(Y, w, h, c.box, greyCatchLevel),
    activityAt: (x, y) => activity.at(x, y),
    onEvenNeutralMetal: (c) =>
      isNeutralSurround(crop, c.box) && evenRing(ringStats(crop, c.box, nearHighlight), LIGHT_RING),
  };
  for (const c of componentsOf(faintList, w, maxArea)) {
    const f = faintSpeckPeak(c, w, faint);
    if (f) accepted.push({ c, salience: f.peak / (f.act + 2) });
  }
  // Smudges: larger, low-contrast blotches on smooth metal, away from catchlights — and not over a
  // spot already found (applied or held back), which the film search would otherwise take again.
  const spotBoxes = accepted.map((a) => a.c.box);
  const overSpot = (b: Box) =>
    spotBoxes.some((q) => q.x < b.x + b.w && b.x < q.x + q.w && q.y < b.y + b.h && b.y < q.y + q.h);
  for (const c of findSmudges(Y, inner, w, h, R, (x, y) => activity.at(Math.min(w - 1, x), Math.min(h - 1, y)))) {
    const p0 = c.pixels[c.pixels.length >> 1]!;
    if (nearHighlight(p0 % w, (p0 / w) | 0) || overSpot(c.box)) continue;
    // A dark facet of a stone or coloured enamel is not a film on the metal: the blotch is nearly grey,
    // or it has the colour of the metal around it (a film on yellow gold stays yellow).
    let chroma = 0;
    for (const p of c.pixels) {
      const q = 4 * ((by + ((p / w) | 0)) * W + bx + (p % w));
      chroma += Math.max(rgba[q]!, rgba[q + 1]!, rgba[q + 2]!) - Math.min(rgba[q]!, rgba[q + 1]!, rgba[q + 2]!);
    }
    if (chroma / c.area > 80 && !filmOnMetal(crop, c.pixels, c.box)) {
      continue;
    }
    accepted.push({ c, salience: 3, smudge: true });
  }
  // Every accepted spot is cleaned (no cap). Ids follow raster order so they stay stable across
  // re-renders; the report lists them by confidence, highest first.
  // Dust is cleaned on metal only. A spot on a stone, enamel or a cord (turquoise matrix, a green or
  // pink stone's texture, a pale blue stone's mottling) is its own pattern as likely as dust: it is
  // listed as a suggestion, not applied. Measured on the 52 real photos: applied edits 72 → 47, the
  // 25 held all on stones (tamar_ring_0339's blue stone 9, elorine_necklace_necklace6's green one 9,
  // elorine_ring_ring2's pink one 3, tamar_ring_0338's turquoise 2, one each on tamar_bracelet_0355's
  // teal and elorine_bracelet_bracelet1's cream stones); two of them are crisp dark dots that may be
  // dust (0339, necklace6), now the merchant's to apply. The generators' specks: none lost.
  for (const a of accepted) if (!a.held && !onMetal(crop, a.c.box)) a.held = "pattern";
  const kept = accepted.slice().sort((a, b) => a.c.box.y - b.c.box.y || a.c.box.x - b.c.box.x);
  for (const { c, salience, smudge, held } of kept) {
    id++;
    const long = Math.max(c.box.w, c.box.h);
    const short = Math.min(c.box.w, c.box.h);
    const reason: SpotEdit["reason"] = smudge
      ? "smudge"
      : long >= 8 && (long >= 3 * short || c.area < 0.35 * c.box.w * c.box.h)
        ? "lint"
        : c.area <= 9
          ? "speck"
          : "dust";
    const box: Box = { x: bx + c.box.x, y: by + c.box.y, w: c.box.w, h: c.box.h };
    // `disabled` holds the ids whose default the merchant flipped: an applied spot left as shot, or a
    // suggestion applied.
    const off = disabled.has(id) !== (held !== undefined);
    const confidence = Math.round(Math.min(1, salience / 10) * (held ? HELD : 1) * 1000) / 1000;
    edits.push({
      id,
      box,
      area: c.area,
      reason,
      confidence,
      ...(held ? { held } : {}),
      ...(off ? { disabled: true } : {}),
    });
    if (off) continue;
    if (smudge) liftFilm(rgba, W, c.pixels, w, bx, by, inner);
    else fillHarmonic(rgba, W, c.pixels, w, bx, by, inner);
  }
  edits.sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0) || a.id - b.id);
  return { edits, highlightPixels, texture: texN ? texSum / texN : 0 };
}

/** Index of v in the ascending list (v is in it). */
function sortedIndex(list: number[], v: number): number {
  let a = 0;
  let b = list.length - 1;
  while (a < b) {
    const m = (a + b) >> 1;
    if (list[m]! < v) a = m + 1;
    else b = m;
  }
  return a;
}

/** Whether any pixel within 2 px of the box reaches the level (a catchlight's clipped core). */
function touchesLevel(Y: Uint8Array, w: number, h: number, box: Box, level: number): boolean {
  for (let y = Math.max(0, box.y - 2); y < Math.min(h, box.y + box.h + 2); y++)
    for (let x = Math.max(0, box.x - 2); x < Math.min(w, box.x + box.w + 2); x++)
      if (Y[y * w + x]! >= level) return true;
  return false;
}

/**
 * Within a spot's size: a box at most maxSide on each side, or a thin strand (lint, a fibre) up to
 * twice as long — the dust2 fibres are 10–24 px long at any photo size, and maxSide is 16 px at 640 px.
 */
function spotSized(c: Component, maxSide: number): boolean {
  const long = Math.max(c.box.w, c.box.h);
  if (long <= maxSide) return true;
  return long <= 2 * maxSide && (long >= 3 * Math.min(c.box.w, c.box.h) || c.area < 0.35 * c.box.w * c.box.h);
}
