// The thick parts of the network's piece: what survives a morphological opening of its confident
// area (p ≥ ½) by `radius` map pixels, grown back past its outline. Chains, prongs and wires are thin
// and drop out; band faces, stones, clasps and beads stay. The ramp's tight variant acts only on
// these parts' outline (network-alpha.ts), so a thin part is never narrowed.
import type { Plane } from "../types";
import { dilate, erode } from "../pixels/mask";
import { boxMean } from "../pixels/box-mean";

/** Map pixels (at the network's 1024² side) an opening removes: parts up to ~4 px across are thin. */
export const THICK_RADIUS = 2;

/** A weight on the map's grid: 1 on and around the thick parts, 0 elsewhere, softened over 3×3. */
export function thickParts(prob: Plane, radius = THICK_RADIUS): Plane {
  const { width: w, height: h, data } = prob;
  const r = Math.max(1, Math.round((radius * Math.max(w, h)) / 1024));
  const core = new Uint8Array(w * h);
  for (let i = 0; i < core.length; i++) core[i] = data[i]! >= 0.5 ? 1 : 0;
  // Grown back by two more pixels than the opening took, to reach the ramp's outer half.
  const thick = dilate(erode(core, w, h, r), w, h, r + 2);
  const f = new Float32Array(w * h);
  for (let i = 0; i < f.length; i++) f[i] = thick[i]!;
  return { width: w, height: h, data: boxMean(f, w, h, 1) };
}
