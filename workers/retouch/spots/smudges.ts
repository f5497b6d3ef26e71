// Smudges: low-contrast blotches (a fingerprint, a greasy film) a few percent darker than the
// metal around them and larger than a speck, so the speck median (radius R) follows them. They are
// looked for at half resolution against a median of radius 2R, only on smooth (polished) metal —
// on brushed or hammered finishes a blotch cannot be told from the finish — and only as compact,
// closed blobs: long darker bands on polished metal are reflections of the room, not smudges.
import type { Component } from "./components";
import { componentsOf } from "./components";
import { separableMedian } from "./median";

/** A blotch must be at least this much darker than its median (share of 8-bit sRGB, ≈ 7 % in linear light), and at most MAX_DEFICIT. */
const MIN_DEFICIT = 0.02;
const MAX_DEFICIT = 0.22;
/** Fine-scale activity (mean |Y − median|, 8-bit) above which the finish is not smooth. */
const SMOOTH = 3;

/**
 * Smudges as components of the crop (w × h, full resolution, pixel indices in raster order).
 * activity(x, y): the fine-scale texture around a pixel.
 */
export function findSmudges(Y: Uint8Array, inner: Uint8Array, w: number, h: number, R: number, activity: (x: number, y: number) => number): Component[] {
  const dw = w >> 1;
  const dh = h >> 1;
  if (dw < 8 || dh < 8) return [];
  const n = dw * dh;
  const Yd = new Uint8Array(n);
  const innerD = new Uint8Array(n);
  for (let y = 0; y < dh; y++)
    for (let x = 0; x < dw; x++) {
      const i = 2 * y * w + 2 * x;
      Yd[y * dw + x] = (Y[i]! + Y[i + 1]! + Y[i + w]! + Y[i + w + 1]! + 2) >> 2;
      innerD[y * dw + x] = inner[i]! & inner[i + 1]! & inner[i + w]! & inner[i + w + 1]!;
    }
  const Md = separableMedian(Yd, dw, dh, Math.max(4, 2 * R), new Uint8Array(n), innerD);
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!innerD[i]) continue;
    const m = Md[i]!;
    const v = Yd[i]!;
    if (v <= m - Math.max(2.5, MIN_DEFICIT * m) && v >= (1 - MAX_DEFICIT) * m) list.push(i);
  }
  const maxArea = Math.round(Math.PI * (1.5 * R) ** 2);
  const minArea = Math.max(8, Math.round(Math.PI * (0.5 * R) ** 2));
  const out: Component[] = [];
  for (const c of componentsOf(list, dw, maxArea)) {
    if (c.area > maxArea || c.area < minArea) continue;
    const { w: bw, h: bh } = c.box;
    if (c.area < 0.45 * bw * bh || Math.max(bw, bh) > 2.2 * Math.min(bw, bh)) continue;
    const cx = 2 * (c.box.x + (bw >> 1));
    const cy = 2 * (c.box.y + (bh >> 1));
    if (activity(cx, cy) > SMOOTH) continue;
    // Back to full resolution: each half-resolution pixel's 2 × 2 block.
    const px: number[] = [];
    for (const p of c.pixels) {
      const x = 2 * (p % dw);
      const y = 2 * ((p / dw) | 0);
      for (const q of [y * w + x, y * w + x + 1, (y + 1) * w + x, (y + 1) * w + x + 1]) if (inner[q]) px.push(q);
    }
    px.sort((a, b) => a - b);
    out.push({ label: c.label, area: px.length, box: { x: 2 * c.box.x, y: 2 * c.box.y, w: 2 * bw, h: 2 * bh }, pixels: Int32Array.from(px) });
  }
  return out;
}
