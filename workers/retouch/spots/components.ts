// 8-connected components of a binary mask (two-pass union–find), with per-component stats.
import type { Box } from "../types";

export interface Component {
  label: number;
  area: number;
  box: Box;
  pixels: Int32Array;
}

export function components(mask: Uint8Array, w: number, h: number, maxArea: number): Component[] {
  const labels = new Int32Array(mask.length);
  const parent: number[] = [0];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const unite = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!mask[i]) continue;
      let l = 0;
      const nb = [x > 0 ? i - 1 : -1, y > 0 && x > 0 ? i - w - 1 : -1, y > 0 ? i - w : -1, y > 0 && x < w - 1 ? i - w + 1 : -1];
      for (const j of nb) {
        if (j < 0 || !labels[j]) continue;
        if (!l) l = labels[j]!;
        else unite(l, labels[j]!);
      }
      if (!l) {
        l = parent.length;
        parent.push(l);
      }
      labels[i] = l;
    }
  const stats = new Map<number, { area: number; x0: number; y0: number; x1: number; y1: number; px: number[] }>();
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!labels[i]) continue;
      const r = find(labels[i]!);
      let s = stats.get(r);
      if (!s) {
        s = { area: 0, x0: x, y0: y, x1: x, y1: y, px: [] };
        stats.set(r, s);
      }
      s.area++;
      if (x < s.x0) s.x0 = x;
      if (x > s.x1) s.x1 = x;
      s.y1 = y;
      // Pixels are kept only for components small enough to be spots.
      if (s.px.length <= maxArea) s.px.push(i);
    }
  const out: Component[] = [];
  for (const [label, s] of stats) {
    out.push({ label, area: s.area, box: { x: s.x0, y: s.y0, w: s.x1 - s.x0 + 1, h: s.y1 - s.y0 + 1 }, pixels: Int32Array.from(s.px) });
  }
  // Raster order of the first pixel: stable ids across re-renders.
  out.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  return out;
}
