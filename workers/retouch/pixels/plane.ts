// Plane helpers: allocation and bilinear resampling of float planes (box means: box-mean.ts).
import type { Plane } from "../types";

export function makePlane(width: number, height: number, fill = 0): Plane {
  const data = new Float32Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

/**
 * Bilinear resample with half-pixel centres (the convention of sharp and of ONNX Resize
 * `half_pixel`), so a map computed on a resized image lands back on the right pixels.
 */
export function resampleBilinear(src: Plane, width: number, height: number): Plane {
  const out = makePlane(width, height);
  const sx = src.width / width;
  const sy = src.height / height;
  const xs0 = new Int32Array(width);
  const xs1 = new Int32Array(width);
  const fx = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const u = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), src.width - 1);
    const x0 = Math.floor(u);
    xs0[x] = x0;
    xs1[x] = Math.min(x0 + 1, src.width - 1);
    fx[x] = u - x0;
  }
  const s = src.data;
  const d = out.data;
  for (let y = 0; y < height; y++) {
    const v = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), src.height - 1);
    const y0 = Math.floor(v);
    const y1 = Math.min(y0 + 1, src.height - 1);
    const fy = v - y0;
    const r0 = y0 * src.width;
    const r1 = y1 * src.width;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const a = s[r0 + xs0[x]!]!;
      const b = s[r0 + xs1[x]!]!;
      const c = s[r1 + xs0[x]!]!;
      const e = s[r1 + xs1[x]!]!;
      const f = fx[x]!;
      const top = a + (b - a) * f;
      const bot = c + (e - c) * f;
      d[o + x] = top + (bot - top) * fy;
    }
  }
  return out;
}
