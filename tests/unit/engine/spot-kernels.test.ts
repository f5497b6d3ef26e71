// The spot stage's fast kernels give exactly what the straightforward versions give: the erosion
// on row runs, the masked running median, the box means read at single pixels (bit for bit,
// since thresholds are applied to them), and the list-based connected components.
import { describe, expect, it } from "vitest";
import { boxMean } from "../../../workers/retouch/pixels/box-mean";
import { erode } from "../../../workers/retouch/pixels/mask";
import { RunBuilder, erodeRuns, paintRuns } from "../../../workers/retouch/spots/runs";
import { separableMedian } from "../../../workers/retouch/spots/median";
import { RowBoxMean, SparseBoxMean } from "../../../workers/retouch/spots/window-mean";
import { componentsOf } from "../../../workers/retouch/spots/components";

function rng(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Blobs on a background: the kind of mask and plane the spot stage sees (runs, edges, specks). */
function blobs(w: number, h: number, rand: () => number, count: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let k = 0; k < count; k++) {
    const cx = rand() * w;
    const cy = rand() * h;
    const r = 0.5 + rand() * Math.min(w, h) * 0.2;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((x - cx) ** 2 + (y - cy) ** 2 < r * r) m[y * w + x] = 1;
  }
  return m;
}

function medianRef(src: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const line = (get: (i: number) => number, n: number, put: (i: number, v: number) => void) => {
    for (let i = 0; i < n; i++) {
      const win: number[] = [];
      for (let k = Math.max(0, i - r); k <= Math.min(n - 1, i + r); k++) win.push(get(k));
      win.sort((a, b) => a - b);
      put(i, win[(win.length - 1) >> 1]!);
    }
  };
  const tmp = new Uint8Array(w * h);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    line(
      (k) => src[y * w + k]!,
      w,
      (i, v) => (tmp[y * w + i] = v),
    );
  for (let x = 0; x < w; x++)
    line(
      (k) => tmp[k * w + x]!,
      h,
      (i, v) => (out[i * w + x] = v),
    );
  return out;
}

describe("spot kernels", () => {
  it("the erosion on row runs equals the box-mean erosion", () => {
    const rand = rng(1);
    for (let t = 0; t < 80; t++) {
      const w = 1 + Math.floor(rand() * 50);
      const h = 1 + Math.floor(rand() * 50);
      const r = Math.floor(rand() * 6);
      const m = t % 3 === 0 ? new Uint8Array(w * h).map(() => (rand() < 0.8 ? 1 : 0)) : blobs(w, h, rand, 4);
      const b = new RunBuilder();
      for (let y = 0; y < h; y++) {
        let run = -1;
        for (let x = 0; x <= w; x++) {
          const on = x < w && m[y * w + x] === 1;
          if (on && run < 0) run = x;
          if (!on && run >= 0) {
            b.add(run, x);
            run = -1;
          }
        }
        b.endRow();
      }
      const got = new Uint8Array(w * h);
      paintRuns(erodeRuns(b.runs, w, h, r), w, got);
      expect(got).toEqual(erode(m, w, h, r));
    }
  });

  it("the masked separable median equals the plain one wherever it is needed", () => {
    const rand = rng(2);
    for (let t = 0; t < 40; t++) {
      const w = 1 + Math.floor(rand() * 120);
      const h = 1 + Math.floor(rand() * 60);
      const r = Math.floor(rand() * 14);
      // Smooth values with noise and a few outliers, like luma around dust.
      const src = new Uint8Array(w * h).map((_, i) =>
        Math.max(
          0,
          Math.min(255, Math.round(120 + 60 * Math.sin(i / 37) + 30 * (rand() - 0.5) + (rand() < 0.02 ? 120 : 0))),
        ),
      );
      const ref = medianRef(src, w, h, r);
      expect(separableMedian(src, w, h, r)).toEqual(ref);
      const need = t % 2 ? blobs(w, h, rand, 3) : new Uint8Array(w * h).map(() => (rand() < 0.05 ? 1 : 0));
      const got = separableMedian(src, w, h, r, undefined, need);
      for (let i = 0; i < w * h; i++) if (need[i]) expect(got[i]).toBe(ref[i]);
    }
  });

  it("RowBoxMean and SparseBoxMean read boxMean bit for bit", () => {
    const rand = rng(3);
    for (const [w, h, r] of [
      [40, 30, 3],
      [97, 61, 39],
      [300, 260, 120],
      [13, 200, 40],
    ] as const) {
      // Dense 8-bit values up to 255 (worst case for the sums), with long flat runs.
      const dense = new Uint8Array(w * h).map(() => (rand() < 0.3 ? Math.floor(rand() * 256) : rand() < 0.1 ? 255 : 0));
      const ref = boxMean(Float32Array.from(dense), w, h, r);
      const rows = new RowBoxMean(w, h, r);
      for (let y = 0; y < h; y++) rows.setRow(y, dense.subarray(y * w, (y + 1) * w));
      // Raster order (the sums slide) and then some scattered reads (recomputed).
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) if ((x + y) % 3 !== 1) expect(rows.at(x, y)).toBe(ref[y * w + x]);
      for (let k = 0; k < 200; k++) {
        const x = Math.floor(rand() * w);
        const y = Math.floor(rand() * h);
        expect(rows.at(x, y)).toBe(ref[y * w + x]);
      }
      // Sparse 0/1, at twice the radius (the density window).
      const sparse = new Uint8Array(w * h).map(() => (rand() < 0.01 ? 1 : 0));
      const list: number[] = [];
      sparse.forEach((v, i) => v && list.push(i));
      const R2 = Math.min(2 * r, 240);
      const ref2 = boxMean(Float32Array.from(sparse), w, h, R2);
      const density = new SparseBoxMean(list, w, h, R2);
      for (let k = 0; k < 300; k++) {
        const i = k < list.length ? list[k]! : Math.floor(rand() * w * h);
        expect(density.at(i % w, Math.floor(i / w))).toBe(ref2[i]);
      }
    }
  });

  it("componentsOf labels like a flood fill, in raster order of the first pixel", () => {
    const rand = rng(4);
    for (let t = 0; t < 30; t++) {
      const w = 2 + Math.floor(rand() * 60);
      const h = 2 + Math.floor(rand() * 40);
      const m = t % 2 ? blobs(w, h, rand, 6) : new Uint8Array(w * h).map(() => (rand() < 0.25 ? 1 : 0));
      const set: number[] = [];
      m.forEach((v, i) => v && set.push(i));
      const maxArea = 1 + Math.floor(rand() * 40);
      // Reference: breadth-first fill from each unvisited pixel in raster order.
      const seen = new Uint8Array(w * h);
      const ref: {
        area: number;
        box: { x: number; y: number; w: number; h: number };
        pixels: number[];
        first: number;
      }[] = [];
      for (const s of set) {
        if (seen[s]) continue;
        const px: number[] = [];
        const queue = [s];
        seen[s] = 1;
        while (queue.length) {
          const i = queue.pop()!;
          px.push(i);
          const x = i % w;
          const y = (i - x) / w;
          for (let dy = -1; dy <= 1; dy++)
            for (let dx = -1; dx <= 1; dx++) {
              const xx = x + dx;
              const yy = y + dy;
              const j = yy * w + xx;
              if (xx >= 0 && xx < w && yy >= 0 && yy < h && m[j] && !seen[j]) {
                seen[j] = 1;
                queue.push(j);
              }
            }
        }
        px.sort((a, b) => a - b);
        const xs = px.map((i) => i % w);
        const ys = px.map((i) => Math.floor(i / w));
        const box = {
          x: Math.min(...xs),
          y: Math.min(...ys),
          w: Math.max(...xs) - Math.min(...xs) + 1,
          h: Math.max(...ys) - Math.min(...ys) + 1,
        };
        ref.push({ area: px.length, box, pixels: px.slice(0, maxArea + 1), first: px[0]! });
      }
      ref.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x || a.first - b.first);
      const got = componentsOf(set, w, maxArea);
      expect(got.map((c) => ({ area: c.area, box: c.box, pixels: [...c.pixels] }))).toEqual(
        ref.map(({ area, box, pixels }) => ({ area, box, pixels })),
      );
    }
  });
});
