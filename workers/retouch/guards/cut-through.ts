// PIECE_AREA_LOST's answer to polished metal that its shadow test took for a shadow: where the result
// cut through such metal, the part it erased is given back to the piece as evidence of a bite.
import type { SurfaceDistances } from "./matte-estimate";
import { labelComponents } from "../pixels/components";
import { neighbours4 } from "../pixels/neighbours";

/**
 * Metal taken for a shadow, given back to the piece where the result cut through it. Polished white
 * metal on a white surface, smooth and neutral, has a cast shadow's colour and is reached from the
 * surface in a shadow's small steps (its outline, ~14 ΔE00 in one pixel, is 4–5 per pixel once
 * smoothed), so dropShadows takes it out; a bite through it then looks like a shadow removed with the
 * surface. What tells the two apart:
 * - the bitten part continues the metal the result kept: across the cut the original's L* runs on
 *   within CUT_CONTINUOUS_L (the seeds), and from there it is grown through the dropped pixels the
 *   result shows as studio while the original stays that continuous;
 * - its outline against the surface is the piece's hard edge: at least CUT_SHARP_SHARE of the grown
 *   region's steps onto the surface exceed CUT_SHARP_STEP ΔE00, where a cast shadow fades out.
 * Measured per grown region (scratch probe on the independent sets): bites of white metal on
 * cutout-dev's white and sweep 0.20–0.81 of their surface steps sharp (mean step 3.0–6.4 ΔE00); the
 * shadows removed by the honest retouches of tamar_ring_0338 and tamar_bracelet_0103 — crescents
 * along a silver bezel and a gold bracelet, the original as continuous across the outline as a cut
 * (84–95 % of the pairs within 3 L*) — 0.00–0.03 (mean step 0.5–0.9).
 * `raw`: the piece before dropShadows; `piece` is completed in place; `studioDe`: the result this close
 * to its studio colour (ΔE00) shows background. Returns the pixels given back: evidence of a bite even
 * though their colour is a removed shadow's.
 */
export function restoreCutThrough(
  d: SurfaceDistances,
  raw: Uint8Array,
  piece: Uint8Array,
  studioDe: number,
): Uint8Array {
  const { w, h, dA, labB, dMedian } = d;
  const n = w * h;
  const cand = new Uint8Array(n);
  for (let i = 0; i < n; i++) cand[i] = raw[i] && !piece[i] && dA[i]! <= studioDe ? 1 : 0;
  const near = (i: number) => neighbours4(i, w, n);
  const continuous = (i: number, j: number) => Math.abs(labB[i * 3]! - labB[j * 3]!) <= CUT_CONTINUOUS_L;
  // Seeds: dropped pixels the result shows as studio, next to kept piece the original runs on into.
  const grown = new Uint8Array(n);
  const q: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!cand[i]) continue;
    if (near(i).some((j) => j >= 0 && raw[j] && dA[j]! > studioDe && continuous(i, j))) {
      grown[i] = 1;
      q.push(i);
    }
  }
  for (let k = 0; k < q.length; k++)
    for (const j of near(q[k]!))
      if (j >= 0 && cand[j] && !grown[j] && continuous(q[k]!, j)) {
        grown[j] = 1;
        q.push(j);
      }
  const cut = new Uint8Array(n);
  // Every component is kept (minimum area 1), so component k carries label k + 1.
  const { label, comps } = labelComponents(grown, w, h, 1);
  if (!comps.length) return cut;
  const seeds = new Int32Array(comps.length);
  const steps = new Int32Array(comps.length);
  const sharp = new Int32Array(comps.length);
  for (let i = 0; i < n; i++) {
    if (!grown[i]) continue;
    const k = label[i]! - 1;
    for (const j of near(i)) {
      if (j < 0) continue;
      if (!raw[j]) {
        steps[k]++;
        if (Math.abs(dMedian[i]! - dMedian[j]!) > CUT_SHARP_STEP) sharp[k]++;
      } else if (dA[j]! > studioDe && continuous(i, j)) seeds[k]++;
    }
  }
  const keep = (k: number) => seeds[k]! >= CUT_MIN_SEEDS && sharp[k]! >= CUT_SHARP_SHARE * steps[k]!;
  const back: number[] = [];
  for (let i = 0; i < n; i++)
    if (grown[i] && keep(label[i]! - 1)) {
      piece[i] = cut[i] = 1;
      back.push(i);
    }
  // The metal it continues, which the result kept, is piece too (the share's denominator): grown
  // through the dropped pixels the result kept while the original stays continuous. Not into dropped
  // pixels the result shows as studio: a patch of those reached that way failed the test on its own (a
  // shadow removed along the same metal).
  for (let k = 0; k < back.length; k++)
    for (const j of near(back[k]!))
      if (j >= 0 && raw[j] && !piece[j] && dA[j]! > studioDe && continuous(back[k]!, j)) {
        piece[j] = 1;
        back.push(j);
      }
  return cut;
}

/** Largest L* step across a cut (or within the bitten part) that still reads as the same metal. */
const CUT_CONTINUOUS_L = 3;
/** Fewest continuous pairs along the cut: a cut of a few pixels is a matte's misfit, no bite. */
const CUT_MIN_SEEDS = 6;
/** A step onto the surface (ΔE00 to the surface, neighbour to neighbour) from which it is an outline. */
const CUT_SHARP_STEP = 4;
/** Share of a region's steps onto the surface that must be outlines. */
const CUT_SHARP_SHARE = 0.15;
