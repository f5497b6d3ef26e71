// Fills a spot smoothly from its surroundings: the region (spot dilated by two pixels) is solved for
// Laplace's equation with the ring around it as boundary (Gauss–Seidel). Spots are a few pixels
// across, so a few dozen sweeps converge and no texture is invented.

/**
 * rgba: the full image (W wide); pixels: spot pixel indices in a crop of width cw at (bx, by);
 * inner: the crop's mask of pixels that may be changed.
 */
export function fillHarmonic(rgba: Uint8Array, W: number, pixels: Int32Array, cw: number, bx: number, by: number, inner: Uint8Array): void {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pixels) {
    const x = p % cw;
    const y = (p / cw) | 0;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  // Local grid with a 3-px margin: region = spot ⊕ 2 px (the anti-aliased rim of a speck sits below
  // the detection threshold but still shows), the rest is boundary.
  const gx = x0 - 3;
  const gy = y0 - 3;
  const gw = x1 - x0 + 7;
  const gh = y1 - y0 + 7;
  const region = new Uint8Array(gw * gh);
  for (const p of pixels) {
    const x = (p % cw) - gx;
    const y = ((p / cw) | 0) - gy;
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const cx = x + dx;
        const cy = y + dy;
        const ci = (cy + gy) * cw + cx + gx;
        if (inner[ci]) region[cy * gw + cx] = 1;
      }
  }
  const val = new Float32Array(gw * gh * 3);
  const gIndex = (lx: number, ly: number) => 4 * ((by + gy + ly) * W + bx + gx + lx);
  let sum = [0, 0, 0];
  let cnt = 0;
  for (let ly = 0; ly < gh; ly++)
    for (let lx = 0; lx < gw; lx++) {
      const q = gIndex(lx, ly);
      for (let c = 0; c < 3; c++) val[3 * (ly * gw + lx) + c] = rgba[q + c]!;
      if (!region[ly * gw + lx]) {
        sum = sum.map((s, c) => s + rgba[q + c]!);
        cnt++;
      }
    }
  // Start from the boundary mean so the sweeps only have to shape, not travel.
  for (let i = 0; i < gw * gh; i++) if (region[i]) for (let c = 0; c < 3; c++) val[3 * i + c] = sum[c]! / Math.max(cnt, 1);
  const sweeps = Math.min(200, 10 + 3 * Math.max(gw, gh));
  for (let s = 0; s < sweeps; s++)
    for (let ly = 1; ly < gh - 1; ly++)
      for (let lx = 1; lx < gw - 1; lx++) {
        const i = ly * gw + lx;
        if (!region[i]) continue;
        for (let c = 0; c < 3; c++)
          val[3 * i + c] = 0.25 * (val[3 * (i - 1) + c]! + val[3 * (i + 1) + c]! + val[3 * (i - gw) + c]! + val[3 * (i + gw) + c]!);
      }
  for (let ly = 0; ly < gh; ly++)
    for (let lx = 0; lx < gw; lx++) {
      if (!region[ly * gw + lx]) continue;
      const q = gIndex(lx, ly);
      for (let c = 0; c < 3; c++) rgba[q + c] = Math.round(val[3 * (ly * gw + lx) + c]!);
    }
}
