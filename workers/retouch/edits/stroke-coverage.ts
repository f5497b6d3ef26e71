// Rasterizes one brush stroke: for every pixel near the stroke's path, how strongly the brush
// touched it (1 inside radius × hardness, a smoothstep down to 0 at the radius). Pixel centres are
// at (x + 0.5, y + 0.5). Each segment is visited over its own box only, so a long stroke across a
// 4 MP photo costs its own area, not the frame's.
import type { MaskStroke } from "./types";

export interface Coverage {
  x0: number;
  y0: number;
  w: number;
  h: number;
  /** Row-major over the box, 0..1. */
  data: Float32Array;
}

export function brushWeight(d: number, radius: number, hardness: number): number {
  if (d >= radius) return 0;
  const core = radius * Math.max(0, Math.min(1, hardness));
  if (d <= core) return 1;
  const t = (radius - d) / (radius - core);
  return t * t * (3 - 2 * t);
}

/** The stroke's coverage over its bounding box clipped to the frame, or null when it misses it. */
export function strokeCoverage(stroke: MaskStroke, W: number, H: number): Coverage | null {
  const r = stroke.radius;
  const pts = stroke.points;
  if (pts.length === 0 || !(r > 0)) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of pts) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const x0 = Math.max(0, Math.floor(minX - r));
  const y0 = Math.max(0, Math.floor(minY - r));
  const x1 = Math.min(W, Math.ceil(maxX + r) + 1);
  const y1 = Math.min(H, Math.ceil(maxY + r) + 1);
  if (x1 <= x0 || y1 <= y0) return null;
  const cov: Coverage = { x0, y0, w: x1 - x0, h: y1 - y0, data: new Float32Array((x1 - x0) * (y1 - y0)) };
  const n = pts.length;
  for (let s = 0; s < Math.max(1, n - 1); s++) {
    const [ax, ay] = pts[s]!;
    const [bx, by] = pts[Math.min(s + 1, n - 1)]!;
    stampSegment(cov, ax, ay, bx, by, r, stroke.hardness);
  }
  return cov;
}

function stampSegment(
  cov: Coverage,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  hardness: number,
): void {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const sx0 = Math.max(cov.x0, Math.floor(Math.min(ax, bx) - r));
  const sy0 = Math.max(cov.y0, Math.floor(Math.min(ay, by) - r));
  const sx1 = Math.min(cov.x0 + cov.w, Math.ceil(Math.max(ax, bx) + r) + 1);
  const sy1 = Math.min(cov.y0 + cov.h, Math.ceil(Math.max(ay, by) + r) + 1);
  for (let y = sy0; y < sy1; y++) {
    const py = y + 0.5;
    const row = (y - cov.y0) * cov.w - cov.x0;
    for (let x = sx0; x < sx1; x++) {
      const px = x + 0.5;
      let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (d >= r) continue;
      const w = brushWeight(d, r, hardness);
      if (w > cov.data[row + x]!) cov.data[row + x] = w;
    }
  }
}
