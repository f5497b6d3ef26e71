// PIECE_AREA_LOST on a surface the matte can't read (fabric, a hand, wood): an opening of the cutout
// that shows the same surface as around the piece is a real opening, however much the network
// hesitated there, and so is one that shows the surface in the piece's shade (a dark gap tinted by
// the metal's reflections); one that shows a colour the surface never has (a pale stone) is still
// raised.
import { describe, expect, it } from "vitest";
import { pieceAreaLost } from "../../../workers/retouch/matte/piece-loss";
import { surfaceColours, surfaceShare } from "../../../workers/retouch/matte/hole-surface";
import type { OpenHole } from "../../../workers/retouch/matte/opaque-fill";
import type { WorkImage } from "../../../workers/retouch/pixels/work-image";
import { srgbToLinear } from "../../../workers/retouch/color";
import { rng } from "../../fixtures/guards/rng";

const W = 200;
const H = 200;
// A gold ring (radius 40–80 around the centre) on a noisy skin-toned surface; two openings cut in
// the ring's band: A (left) shows the skin, B (right) a pale blue stone the network half believed.
const SKIN = [0.86, 0.62, 0.52];
const GOLD = [0.8, 0.62, 0.25];
const STONE = [0.7, 0.85, 0.95];
// A gap in shade: dark, warm from the gold around it, a chromaticity the skin never has (L* ≈ 22
// against the skin's ≈ 70).
const SHADE = [0.25, 0.2, 0.1];
const A = { x: 30, y: 90, w: 20, h: 20 };
const B = { x: 150, y: 90, w: 20, h: 20 };
const C = { x: 90, y: 30, w: 20, h: 8 };
const inBox = (x: number, y: number, b: typeof A): boolean => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;

function scene(): { work: WorkImage; prob: Float32Array } {
  const r = rng(15);
  const srgb: [Float32Array, Float32Array, Float32Array] = [0, 1, 2].map(() => new Float32Array(W * H)) as never;
  const linear: [Float32Array, Float32Array, Float32Array] = [0, 1, 2].map(() => new Float32Array(W * H)) as never;
  const prob = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const d = Math.hypot(x - 100, y - 100);
      const ring = d >= 40 && d <= 80;
      const hole = inBox(x, y, A) ? SKIN : inBox(x, y, B) ? STONE : inBox(x, y, C) ? SHADE : null;
      const c = hole ?? (ring ? GOLD : SKIN);
      // Skin texture: ±6 % per pixel, like pores and JPEG noise on a hand.
      const n = c === SKIN ? 1 + 0.12 * (r() - 0.5) : 1;
      for (let k = 0; k < 3; k++) {
        srgb[k]![i] = Math.min(1, c[k]! * n);
        linear[k]![i] = srgbToLinear(srgb[k]![i]!);
      }
      prob[i] = hole ? 0.3 : ring ? 0.98 : 0.01;
    }
  return { work: { width: W, height: H, sx: 1, sy: 1, srgb, linear }, prob };
}

const hole = (box: typeof A): OpenHole => ({
  area: box.w * box.h,
  box,
  evidence: 0,
  prob: 0.3,
  width: Math.min(box.w, box.h),
  elongation: Math.max(box.w, box.h) / Math.min(box.w, box.h),
});

describe("PIECE_AREA_LOST on a surface the matte can't read", () => {
  const { work, prob } = scene();
  let core = 0;
  for (const p of prob) if (p >= 0.5) core++;

  it("reads which opening shows the surface", () => {
    const s = surfaceColours(work, prob);
    expect(surfaceShare(s, prob, W, A)).toBeGreaterThan(0.95);
    expect(surfaceShare(s, prob, W, B)).toBeLessThan(0.05);
    expect(surfaceShare(s, prob, W, C)).toBeGreaterThan(0.95);
  });

  it("raises the stone, not the opening that shows the hand", () => {
    const both = [hole(A), hole(B)];
    const unread = pieceAreaLost(both, core, work, { probWork: prob, readable: false });
    expect(unread).toHaveLength(1);
    expect(unread[0]!.region).toEqual({ kind: "boxes", boxes: [B] });
    expect(pieceAreaLost([hole(A)], core, work, { probWork: prob, readable: false })).toEqual([]);
    expect(pieceAreaLost([hole(C), hole(B)], core, work, { probWork: prob, readable: false })[0]!.region).toEqual({
      kind: "boxes",
      boxes: [B],
    });
    // On a surface the matte reads (a plain sweep) the network's hesitation alone still counts.
    expect(pieceAreaLost([hole(A)], core, work, { probWork: prob, readable: true })).toHaveLength(1);
  });
});
