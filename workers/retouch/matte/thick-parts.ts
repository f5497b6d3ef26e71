// The thick parts of the network's piece: what survives a morphological opening of its confident
// area (p ≥ ½) by `radius` map pixels, grown back past its outline. Chains, prongs and wires are thin
// and drop out; band faces, stones, clasps and beads stay. The ramp's tight variant acts only on
// these parts' outline (network-alpha.ts), so a thin part is never narrowed.
import type { Plane } from "../types";
import { dilate, erode, maskBox } from "../pixels/mask";
import { growBox } from "../pixels/active-box";
import { boxMean } from "../pixels/box-mean";

/** Map pixels (at the network's 1024² side) an opening removes: parts up to ~4 px across are thin. */
export const THICK_RADIUS = 2;

/** Map pixels an opening removes for the broad parts (bands, bangles, clasps, faces): parts up to ~24 px across drop out. */
export const LARGE_RADIUS = 12;

/** A weight on the map's grid: 1 on and around the thick parts, 0 elsewhere, softened over 3×3. */
export function thickParts(prob: Plane, radius = THICK_RADIUS): Plane {
  const { width: w, height: h, data } = prob;
  const r = Math.max(1, Math.round((radius * Math.max(w, h)) / 1024));
  const out = new Float32Array(w * h);
  const confident = new Uint8Array(w * h);
  for (let i = 0; i < confident.length; i++) confident[i] = data[i]! >= 0.5 ? 1 : 0;
  const found = maskBox(confident, w, h);
  if (!found) return { width: w, height: h, data: out };
  // Only the confident area's box, with room for the growth and the 3×3 mean around it, is worked on
  // (the same weights as on the whole map: beyond that room they are 0).
  const { x: x0, y: y0, w: cw, h: ch } = growBox(found, r + 4, w, h);
  const core = new Uint8Array(cw * ch);
  for (let y = 0; y < ch; y++) core.set(confident.subarray((y + y0) * w + x0, (y + y0) * w + x0 + cw), y * cw);
  // Grown back by two more pixels than the opening took, to reach the ramp's outer half.
  const thick = dilate(erode(core, cw, ch, r), cw, ch, r + 2);
  const f = new Float32Array(cw * ch);
  for (let i = 0; i < f.length; i++) f[i] = thick[i]!;
  const soft = boxMean(f, cw, ch, 1);
  for (let y = 0; y < ch; y++) out.set(soft.subarray(y * cw, (y + 1) * cw), (y + y0) * w + x0);
  return { width: w, height: h, data: out };
}
