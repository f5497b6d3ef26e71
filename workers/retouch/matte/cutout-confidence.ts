// Does the cutout look like one piece cut cleanly from a plain surface? ISNet separates the salient
// object, and in styled shots that is often the prop: a satin drape, a plate, a jewelry box, a
// display bar. The matte then keeps the prop opaque, or leaves a large ghost of it half transparent.
// Nothing downstream can repair that, so the merchant must be told before approving.
//
// Two signs, read from the final alpha (calibrated on the 52 photos in ../shared/photos at the
// default settings, `npm run retouch` + an alpha histogram):
//  • haze: pixels that are neither piece nor surface (12/255 < α < 1/2). A clean cutout has them only
//    along its edges: ≤ 3.4 % of the frame and ≤ 0.7× the opaque area on the clean shots (thin chains
//    have the most edge per area). Ghosted props reached 3–42 % of the frame and 1.2–11× the opaque
//    area.
//  • bulk: the opaque part covers most of the frame. Plain-surface shots kept ≤ 40 %; a kept drape or
//    plate 70–84 %.
// Known miss: a prop the network keeps fully opaque and small (fabric framed inside a necklace).
import type { Box, Plane, Warning } from "../types";
import { forEachMapRow, upsampledBox } from "./network-alpha";

const FAINT_LO = 12 / 255;
const OPAQUE = 0.5;
/** Haze as a share of the frame that alone is suspicious. */
export const HAZE_FRAME = 0.08;
/** Haze relative to the opaque area, and the floor (share of frame) below which the ratio is ignored. */
export const HAZE_RATIO = 1.2;
export const HAZE_FLOOR = 0.02;
/** Opaque share of the frame above which the cutout probably kept the surroundings. */
export const BULK = 0.6;

export interface CutoutShares {
  opaque: number;
  haze: number;
}

/** Opaque and haze pixel counts of `alpha`, added to `into`. */
function countShares(alpha: Float32Array, into: { opaque: number; haze: number }): void {
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i]!;
    if (a >= OPAQUE) into.opaque++;
    else if (a > FAINT_LO) into.haze++;
  }
}

/** With `within` (a box of the `width`-wide plane outside which α = 0), only that box is read. */
export function cutoutShares(alpha: Float32Array, within?: { box: Box; width: number }): CutoutShares {
  const c = { opaque: 0, haze: 0 };
  if (!within) countShares(alpha, c);
  else {
    const { box, width } = within;
    for (let y = box.y; y < box.y + box.h; y++)
      countShares(alpha.subarray(y * width + box.x, y * width + box.x + box.w), c);
  }
  const n = Math.max(1, alpha.length);
  return { opaque: c.opaque / n, haze: c.haze / n };
}

/**
 * The same shares of the network's bare map read at W×H (upsampled row by row, no ramp): the prop
 * check reads the network's own haze, which the matte's ramp would hide. Only the box where the map
 * can rise above the faint level is read (outside it nothing counts).
 */
export function mapShares(prob: Plane, W: number, H: number): CutoutShares {
  const c = { opaque: 0, haze: 0 };
  const box = upsampledBox(prob, W, H, FAINT_LO - 1e-3);
  if (box) forEachMapRow(prob, W, H, (row) => countShares(row.subarray(box.x, box.x + box.w), c), box);
  const n = Math.max(1, W * H);
  return { opaque: c.opaque / n, haze: c.haze / n };
}

const pct = (v: number) => `${Math.round(v * 100)} %`;

export function cutoutConfidence(shares: CutoutShares): Warning[] {
  const { opaque, haze } = shares;
  const ratio = haze / Math.max(opaque, 1e-6);
  if (haze > HAZE_FRAME || (haze > HAZE_FLOOR && ratio > HAZE_RATIO))
    return [
      {
        code: "CUTOUT_UNCERTAIN",
        severity: "warning",
        message: `Part of the surroundings stayed in the cutout as a faint ghost (${pct(haze)} of the photo is neither piece nor background). This happens with styled shots — fabric, plates, stands, props. Check the result before approving; for a clean cutout, shoot the piece alone on a plain surface.`,
        value: Math.round(haze * 1000) / 1000,
        threshold: haze > HAZE_FRAME ? HAZE_FRAME : HAZE_FLOOR,
        region: { kind: "image" },
      },
    ];
  if (opaque > BULK)
    return [
      {
        code: "CUTOUT_UNCERTAIN",
        severity: "warning",
        message: `The cutout kept ${pct(opaque)} of the photo, so it probably includes more than the piece (fabric, a plate, a box or a stand). Check the result before approving; for a clean cutout, shoot the piece alone on a plain surface with some space around it.`,
        value: Math.round(opaque * 1000) / 1000,
        threshold: BULK,
        region: { kind: "image" },
      },
    ];
  return [];
}
