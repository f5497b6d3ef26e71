// Lifts a smudge (a film a few percent darker than the metal) without erasing the finish under it:
// the spot's low frequencies are replaced by a harmonic fill from its surroundings and its own fine
// detail (the pixel over its local mean) is kept. A harmonic fill alone would leave a smooth disc on
// brushed or hammered metal, and would take the sensor grain off polished metal.
import { LINEAR_LUT, linearToSrgb } from "../color";
import { spotRegion } from "./spot-region";

/** Radius (px) of the local mean that separates a film's level from the detail under it. */
const DETAIL_RADIUS = 2;

/**
 * rgba: the full image (W wide); pixels: the film's pixel indices in a crop of width cw at (bx, by);
 * inner: the crop's mask of pixels that may be changed.
 */
export function liftFilm(
  rgba: Uint8Array,
  W: number,
  pixels: Int32Array,
  cw: number,
  bx: number,
  by: number,
  inner: Uint8Array,
): void {
  // Region: the film dilated by 2 px (its soft rim); a margin of DETAIL_RADIUS + 1 for the boundary.
  const { gx, gy, gw, gh, region } = spotRegion(pixels, cw, inner, DETAIL_RADIUS + 3);
  // Grid pixels outside the photo (a piece at its edge) read the nearest pixel and are never written.
  const n = gw * gh;
  const orig = new Float32Array(3 * n);
  const H = rgba.length / (4 * W);
  const gIndex = (lx: number, ly: number) => {
    const X = Math.min(W - 1, Math.max(0, bx + gx + lx));
    const Y = Math.min(H - 1, Math.max(0, by + gy + ly));
    return 4 * (Y * W + X);
  };
  for (let ly = 0; ly < gh; ly++)
    for (let lx = 0; lx < gw; lx++) {
      const q = gIndex(lx, ly);
      const i = ly * gw + lx;
      for (let c = 0; c < 3; c++) orig[3 * i + c] = LINEAR_LUT[rgba[q + c]!]!;
    }
  // Local mean of the original (box of radius DETAIL_RADIUS, clamped to the grid).
  const mean = new Float32Array(3 * n);
  for (let ly = 0; ly < gh; ly++)
    for (let lx = 0; lx < gw; lx++) {
      const s = [0, 0, 0];
      let k = 0;
      for (let yy = Math.max(0, ly - DETAIL_RADIUS); yy <= Math.min(gh - 1, ly + DETAIL_RADIUS); yy++)
        for (let xx = Math.max(0, lx - DETAIL_RADIUS); xx <= Math.min(gw - 1, lx + DETAIL_RADIUS); xx++) {
          const j = 3 * (yy * gw + xx);
          s[0]! += orig[j]!;
          s[1]! += orig[j + 1]!;
          s[2]! += orig[j + 2]!;
          k++;
        }
      for (let c = 0; c < 3; c++) mean[3 * (ly * gw + lx) + c] = s[c]! / k;
    }
  // Harmonic fill of the local mean over the region, the ring as boundary (Gauss–Seidel from the
  // boundary's mean).
  const val = new Float32Array(mean);
  const b = [0, 0, 0];
  let nb = 0;
  for (let i = 0; i < n; i++)
    if (!region[i]) {
      for (let c = 0; c < 3; c++) b[c]! += mean[3 * i + c]!;
      nb++;
    }
  const cells: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!region[i]) continue;
    for (let c = 0; c < 3; c++) val[3 * i + c] = b[c]! / Math.max(nb, 1);
    const lx = i % gw;
    const ly = (i - lx) / gw;
    if (lx >= 1 && lx < gw - 1 && ly >= 1 && ly < gh - 1) cells.push(3 * i);
  }
  const up = 3 * gw;
  const sweeps = Math.min(300, 10 + 3 * Math.max(gw, gh));
  for (let s = 0; s < sweeps; s++)
    for (const v of cells)
      for (let c = 0; c < 3; c++)
        val[v + c] = 0.25 * (val[v + c - 3]! + val[v + c + 3]! + val[v + c - up]! + val[v + c + up]!);
  // The pixel keeps its detail (its ratio to its local mean) on the filled level.
  for (let ly = 0; ly < gh; ly++)
    for (let lx = 0; lx < gw; lx++) {
      const i = ly * gw + lx;
      if (!region[i]) continue;
      const q = gIndex(lx, ly);
      for (let c = 0; c < 3; c++) {
        const v = (orig[3 * i + c]! * val[3 * i + c]!) / Math.max(mean[3 * i + c]!, 1e-4);
        rgba[q + c] = Math.max(0, Math.min(255, Math.round(linearToSrgb(Math.min(1, v)) * 255)));
      }
    }
}
