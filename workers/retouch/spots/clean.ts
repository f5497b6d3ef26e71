// Stage 6 — spot cleanup on the piece: dust, specks and lint are small blobs (or thin strands) that
// differ from a local median. Specular highlights are found first and never touched; the threshold
// rises with local texture so brushed and hammered finishes keep their grain. Every spot gets a
// stable id; disabled ids are detected and reported but not painted, so the UI can undo one.
import type { Box } from "../types";
import type { SpotEdit } from "../report";
import { boxMean } from "../pixels/plane";
import { dilate, erode, maskBox } from "../pixels/mask";
import { separableMedian } from "./median";
import { components, type Component } from "./components";
import { fillHarmonic } from "./inpaint";

/** Share of other candidate pixels around a spot above which it is texture, not dust. */
const DENSE = 0.012;
/** Mean |luma − median| (8-bit) above which a surface is too busy to tell dust from its pattern. */
const BUSY = 8;
/** At most this many spots per image (the most salient). */
const MAX_SPOTS = 30;

export interface SpotResult {
  edits: (SpotEdit & { disabled?: boolean })[];
  highlightPixels: number;
  /** Mean |luma − local median| over the piece's interior (8-bit units): the finish's texture. */
  texture: number;
}

export function cleanSpots(rgba: Uint8Array, W: number, H: number, alpha: Float32Array, disabled: ReadonlySet<number>): SpotResult {
  const opaque = new Uint8Array(W * H);
  for (let i = 0; i < opaque.length; i++) opaque[i] = alpha[i]! >= 0.98 ? 1 : 0;
  const bb = maskBox(opaque, W, H);
  if (!bb) return { edits: [], highlightPixels: 0, texture: 0 };
  const diag = Math.hypot(W, H);
  const R = Math.min(40, Math.max(4, Math.round(0.0045 * diag)));
  const { x: bx, y: by, w, h } = bb;
  const n = w * h;
  const Y = new Uint8Array(n);
  const inner0 = new Uint8Array(n);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const gi = (by + y) * W + bx + x;
      const q = 4 * gi;
      Y[y * w + x] = (54 * rgba[q]! + 183 * rgba[q + 1]! + 19 * rgba[q + 2]!) >> 8;
      inner0[y * w + x] = opaque[gi]!;
    }
  // A window at distance d ≥ 0 inside the edge still holds a majority of piece pixels, so its median
  // is the piece's; only the mixed edge pixels themselves (and one more for safety) are excluded.
  const inner = erode(inner0, w, h, 2);
  const M = separableMedian(Y, w, h, R);
  const dev = new Float32Array(n);
  for (let i = 0; i < n; i++) dev[i] = inner[i] ? Math.abs(Y[i]! - M[i]!) : 0;
  const activity = boxMean(dev, w, h, 3 * R);

  const hl0 = new Uint8Array(n);
  let highlightPixels = 0;
  for (let i = 0; i < n; i++) {
    const y = Y[i]!;
    if (y >= 235 || (y >= 170 && y >= 1.15 * M[i]!)) {
      hl0[i] = 1;
      highlightPixels++;
    }
  }
  const hl = dilate(hl0, w, h, 2);

  const cand = new Uint8Array(n);
  let texSum = 0;
  let texN = 0;
  for (let i = 0; i < n; i++) {
    if (!inner[i]) continue;
    texSum += dev[i]!;
    texN++;
    if (hl[i]) continue;
    const d = Y[i]! - M[i]!;
    const thr = 14 + 3 * activity[i]!;
    if (d < -thr || (d > thr && Y[i]! < 215)) cand[i] = 1;
  }
  // Texture, not dust: where candidates are dense (turquoise matrix, pavé, engraving, granulation)
  // they are the material itself. Real dust is sparse.
  const candF = new Float32Array(n);
  for (let i = 0; i < n; i++) candF[i] = cand[i]!;
  const density = boxMean(candF, w, h, 6 * R);
  const windowArea = (12 * R + 1) ** 2;
  const maxSide = 4 * R;
  const maxArea = Math.round(Math.PI * (1.5 * R) ** 2);
  const edits: SpotResult["edits"] = [];
  let id = 0;
  const accepted: { c: Component; salience: number }[] = [];
  for (const c of components(cand, w, h, maxArea)) {
    if (c.area > maxArea || c.box.w > maxSide || c.box.h > maxSide || c.area < 2) continue;
    // Dust and lint are nearly grey; a coloured blob is more likely a stone, enamel or engraving.
    let chroma = 0;
    let peak = 0;
    for (const p of c.pixels) {
      const gi = (by + ((p / w) | 0)) * W + bx + (p % w);
      const q = 4 * gi;
      chroma += Math.max(rgba[q]!, rgba[q + 1]!, rgba[q + 2]!) - Math.min(rgba[q]!, rgba[q + 1]!, rgba[q + 2]!);
      peak = Math.max(peak, Math.abs(Y[p]! - M[p]!));
    }
    if (chroma / c.area > 80) continue;
    const p0 = c.pixels[0]!;
    const others = density[p0]! - c.area / windowArea;
    const act = activity[p0]!;
    // On a busy finish only a spot that stands far out of the pattern is dust.
    if (others > DENSE || act > BUSY || (act > 5 && peak < 4 * act + 20)) continue;
    accepted.push({ c, salience: peak / (act + 2) });
  }
  // Dust is sparse: dozens of "spots" on one piece are its texture (mesh, matrix, pavé). Keep the
  // most salient few; ids follow raster order so they stay stable across re-renders.
  const kept = accepted
    .slice()
    .sort((a, b) => b.salience - a.salience)
    .slice(0, MAX_SPOTS)
    .sort((a, b) => a.c.box.y - b.c.box.y || a.c.box.x - b.c.box.x);
  for (const { c } of kept) {
    id++;
    const long = Math.max(c.box.w, c.box.h);
    const short = Math.min(c.box.w, c.box.h);
    const reason: SpotEdit["reason"] =
      long >= 8 && (long >= 3 * short || c.area < 0.35 * c.box.w * c.box.h) ? "lint" : c.area <= 9 ? "speck" : "dust";
    const box: Box = { x: bx + c.box.x, y: by + c.box.y, w: c.box.w, h: c.box.h };
    const off = disabled.has(id);
    edits.push(off ? { id, box, area: c.area, reason, disabled: true } : { id, box, area: c.area, reason });
    if (!off) fillHarmonic(rgba, W, c.pixels, w, bx, by, inner);
  }
  return { edits, highlightPixels, texture: texN ? texSum / texN : 0 };
}
