// Fills a spot smoothly from its surroundings: the region (spot dilated by two pixels) is solved for
// Laplace's equation with the ring around it as boundary (Gauss–Seidel). Spots are a few pixels
// across, so a few dozen sweeps converge and no texture is invented.
import { spotRegion } from "./spot-region";

/**
 * rgba: the full image (W wide); pixels: spot pixel indices in a crop of width cw at (bx, by);
 * inner: the crop's mask of pixels that may be changed.
 */
export function fillHarmonic(
  rgba: Uint8Array,
  W: number,
  pixels: Int32Array,
  cw: number,
  bx: number,
  by: number,
  inner: Uint8Array,
): void {
  // Local grid with a 3-px margin: region = spot ⊕ 2 px, the rest is boundary.
  const { gx, gy, gw, gh, region } = spotRegion(pixels, cw, inner, 3);
  const val = new Float32Array(gw * gh * 3);
  const gIndex = (lx: number, ly: number) => 4 * ((by + gy + ly) * W + bx + gx + lx);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let cnt = 0;
  for (let ly = 0; ly < gh; ly++)
    for (let lx = 0; lx < gw; lx++) {
      const q = gIndex(lx, ly);
      const i = ly * gw + lx;
      val[3 * i] = rgba[q]!;
      val[3 * i + 1] = rgba[q + 1]!;
      val[3 * i + 2] = rgba[q + 2]!;
      if (!region[i]) {
        s0 += rgba[q]!;
        s1 += rgba[q + 1]!;
        s2 += rgba[q + 2]!;
        cnt++;
      }
    }
  // Start from the boundary mean so the sweeps only have to shape, not travel.
  const k = Math.max(cnt, 1);
  // The updated pixels, in raster order (the grid's outer ring is never updated): the sweeps visit
  // only these instead of testing every grid cell (~3× faster on large specks).
  const cells: number[] = [];
  for (let i = 0; i < gw * gh; i++) {
    if (!region[i]) continue;
    val[3 * i] = s0 / k;
    val[3 * i + 1] = s1 / k;
    val[3 * i + 2] = s2 / k;
    const lx = i % gw;
    const ly = (i - lx) / gw;
    if (lx >= 1 && lx < gw - 1 && ly >= 1 && ly < gh - 1) cells.push(3 * i);
  }
  const up = 3 * gw;
  const sweeps = Math.min(200, 10 + 3 * Math.max(gw, gh));
  for (let s = 0; s < sweeps; s++)
    for (const v of cells) {
      val[v] = 0.25 * (val[v - 3]! + val[v + 3]! + val[v - up]! + val[v + up]!);
      val[v + 1] = 0.25 * (val[v - 2]! + val[v + 4]! + val[v + 1 - up]! + val[v + 1 + up]!);
      val[v + 2] = 0.25 * (val[v - 1]! + val[v + 5]! + val[v + 2 - up]! + val[v + 2 + up]!);
    }
  for (let ly = 0; ly < gh; ly++)
    for (let lx = 0; lx < gw; lx++) {
      const i = ly * gw + lx;
      if (!region[i]) continue;
      const q = gIndex(lx, ly);
      for (let c = 0; c < 3; c++) rgba[q + c] = Math.round(val[3 * i + c]!);
    }
}
