// The kept-prop signs on scenes with known content: a striped gold piece (metal's specular structure)
// alone passes; a blue island apart from it is a stray island, while a gold twin (an earring's pair) is
// not; a large flat opaque area is a slab; a wide half-transparent patch is a ghost. Each warning
// carries the box of what it found. On folded satin (a textured surface), a plain part of the cutout in
// the satin's own colours is the surroundings kept; the same plain part on a plain surface (a white
// piece's face on a white sweep) is not warned.
import { describe, expect, it } from "vitest";
import type { Box } from "../../../workers/retouch/types";
import type { WorkImage } from "../../../workers/retouch/pixels/work-image";
import { coarseCutout } from "../../../workers/retouch/matte/coarse-cutout";
import {
  ISLAND_LIKENESS,
  LIKE_AREA,
  SCENE_CONTRAST,
  keptPropSign,
  keptPropWarning,
  strayIsland,
  surroundingsLike,
} from "../../../workers/retouch/matte/kept-prop";

const W = 600;
const H = 600;
type Rgb = [number, number, number];
const GOLD: Rgb = [0.6, 0.42, 0.12];
const BLUE: Rgb = [0.15, 0.3, 0.7];
const BEIGE: Rgb = [0.55, 0.48, 0.36];
const SURFACE: Rgb = [0.8, 0.8, 0.8];
const SATIN: Rgb = [0.7, 0.45, 0.5];

interface Scene {
  work: WorkImage;
  alpha: Float32Array;
}

function scene(): Scene {
  const n = W * H;
  const linear: WorkImage["linear"] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) linear[k][i] = SURFACE[k]!;
  return { work: { width: W, height: H, sx: 1, sy: 1, srgb: linear, linear }, alpha: new Float32Array(n) };
}

/** An opaque disc of `rgb`, striped every 6 px (dark, bright) like lit metal or a faceted stone. */
function disc(s: Scene, cx: number, cy: number, r: number, rgb: Rgb): void {
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      if (Math.hypot(x - cx, y - cy) > r) continue;
      const i = y * W + x;
      const shade = Math.floor((x + y) / 6) % 2 ? 1.4 : 0.35;
      for (let k = 0; k < 3; k++) s.work.linear[k][i] = Math.min(1, rgb[k]! * shade);
      s.alpha[i] = 1;
    }
}

/** Folded satin everywhere: SATIN shaded by two crossing waves (period ~45 px), as a draped cloth is lit. */
function satin(s: Scene): void {
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const shade = 0.75 + 0.25 * Math.sin(x / 7) * Math.sin(y / 7 + 1);
      for (let k = 0; k < 3; k++) s.work.linear[k][y * W + x] = SATIN[k]! * shade;
    }
}

/** An opaque rectangle shading gently from `rgb`×lo to `rgb`×hi along x (a fold of cloth, a face of metal). */
function fold(s: Scene, b: Box, rgb: Rgb, lo: number, hi: number): void {
  for (let y = b.y; y < b.y + b.h; y++)
    for (let x = b.x; x < b.x + b.w; x++) {
      const i = y * W + x;
      const shade = lo + ((hi - lo) * (x - b.x)) / b.w;
      for (let k = 0; k < 3; k++) s.work.linear[k][i] = rgb[k]! * shade;
      s.alpha[i] = 1;
    }
}

/** A flat rectangle of `rgb` at opacity a. */
function rect(s: Scene, b: Box, rgb: Rgb, a: number): void {
  for (let y = b.y; y < b.y + b.h; y++)
    for (let x = b.x; x < b.x + b.w; x++) {
      const i = y * W + x;
      for (let k = 0; k < 3; k++) s.work.linear[k][i] = rgb[k]!;
      s.alpha[i] = a;
    }
}

const coarse = (s: Scene) => coarseCutout(s.work, { width: W, height: H, data: s.alpha });

describe("kept-prop signs", () => {
  it("passes a lone piece", () => {
    const s = scene();
    disc(s, 200, 300, 90, GOLD);
    expect(keptPropSign(coarse(s))).toBeNull();
    expect(keptPropWarning(null)).toEqual([]);
  });

  it("passes a pair of alike pieces apart from each other", () => {
    const s = scene();
    disc(s, 150, 300, 80, GOLD);
    disc(s, 450, 300, 75, GOLD);
    const island = strayIsland(coarse(s));
    expect(island).not.toBeNull(); // the twin stands apart…
    expect(island!.likeness).toBeGreaterThan(0.5); // …but looks like the piece
    expect(keptPropSign(coarse(s))).toBeNull();
  });

  it("warns on an island whose colours match nothing in the piece, with its box", () => {
    const s = scene();
    disc(s, 150, 300, 80, GOLD);
    disc(s, 450, 300, 40, BLUE);
    const sign = keptPropSign(coarse(s));
    expect(sign?.kind).toBe("island");
    const [w] = keptPropWarning(sign);
    expect(w!.code).toBe("CUTOUT_UNCERTAIN");
    expect(w!.value).toBeLessThan(ISLAND_LIKENESS);
    expect(w!.region.kind).toBe("box");
    const box = (w!.region as { box: Box }).box;
    // The blue disc spans 410–490 on both axes; the box holds it within a cell or two.
    expect(box.x).toBeGreaterThanOrEqual(404);
    expect(box.x).toBeLessThanOrEqual(412);
    expect(box.x + box.w).toBeGreaterThanOrEqual(488);
    expect(box.x + box.w).toBeLessThanOrEqual(496);
    expect(w!.message).toMatch(/separate object/);
  });

  it("warns on an island lying clear of the piece though inside the piece's box (a crystal by a chain)", () => {
    const s = scene();
    // An L of gold chain along the top and down the right: its box takes in most of the frame.
    for (const b of [
      { x: 60, y: 60, w: 480, h: 40 },
      { x: 500, y: 60, w: 40, h: 480 },
    ])
      for (let y = b.y; y < b.y + b.h; y++)
        for (let x = b.x; x < b.x + b.w; x++) {
          const i = y * W + x;
          const shade = Math.floor((x + y) / 6) % 2 ? 1.4 : 0.35;
          for (let k = 0; k < 3; k++) s.work.linear[k][i] = Math.min(1, GOLD[k]! * shade);
          s.alpha[i] = 1;
        }
    disc(s, 280, 340, 50, BLUE); // 170 px from the chain, inside its box
    const sign = keptPropSign(coarse(s));
    expect(sign?.kind).toBe("island");
    const box = (keptPropWarning(sign)[0]!.region as { box: Box }).box;
    expect(box.x).toBeGreaterThanOrEqual(222);
    expect(box.x + box.w).toBeLessThanOrEqual(338);
  });

  it("does not call a blue island a stray when a blue twin stands beside it", () => {
    const s = scene();
    disc(s, 150, 150, 80, GOLD);
    disc(s, 450, 150, 40, BLUE);
    disc(s, 450, 450, 40, BLUE);
    expect(keptPropSign(coarse(s))).toBeNull();
  });

  it("warns on a large flat opaque area kept with the piece", () => {
    const s = scene();
    disc(s, 150, 300, 80, GOLD);
    rect(s, { x: 230, y: 150, w: 250, h: 250 }, BEIGE, 1); // 17 % of the frame, touching the piece
    const sign = keptPropSign(coarse(s));
    expect(sign?.kind).toBe("slab");
    const [w] = keptPropWarning(sign);
    expect(w!.value).toBeGreaterThan(0.1);
    expect(w!.value).toBeLessThan(0.174);
    expect(w!.message).toMatch(/smooth, plain area \(1[0-7](\.\d)? % of the photo/);
  });

  it("warns on a wide half-transparent patch, not on a piece's soft outline", () => {
    const s = scene();
    disc(s, 150, 300, 80, GOLD);
    // A soft outline: a 3 px band at α 0.3 around the disc is too thin to count.
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const d = Math.hypot(x - 150, y - 300);
        if (d > 80 && d <= 83) s.alpha[y * W + x] = 0.3;
      }
    expect(keptPropSign(coarse(s))).toBeNull();
    rect(s, { x: 400, y: 100, w: 80, h: 80 }, SURFACE, 0.3); // 1.8 % of the frame
    const sign = keptPropSign(coarse(s));
    expect(sign?.kind).toBe("ghost");
    expect(keptPropWarning(sign)[0]!.message).toMatch(/half transparent in the marked box/);
  });

  it("passes a piece alone on folded satin", () => {
    const s = scene();
    satin(s);
    disc(s, 200, 300, 90, GOLD);
    const like = surroundingsLike(coarse(s));
    expect(like!.texture).toBeGreaterThan(SCENE_CONTRAST); // the satin reads as a scene…
    expect(like?.share ?? 0).toBeLessThan(0.02); // …and the gold piece does not look like it
    expect(keptPropSign(coarse(s))).toBeNull();
  });

  it("warns on a fold of the satin kept against the piece, with its box", () => {
    const s = scene();
    satin(s);
    disc(s, 200, 300, 90, GOLD);
    fold(s, { x: 285, y: 250, w: 100, h: 90 }, SATIN, 0.6, 0.9); // 2.5 % of the frame: no slab
    const sign = keptPropSign(coarse(s));
    expect(sign?.kind).toBe("surroundings");
    const [w] = keptPropWarning(sign);
    expect(w!.code).toBe("CUTOUT_UNCERTAIN");
    // The fold is 9 000 of the cutout's ~34 400 px; eroded by a cell, the sign reads a little less.
    expect(w!.value).toBeGreaterThan(LIKE_AREA);
    expect(w!.value).toBeLessThan(0.27);
    expect(w!.message).toMatch(/colours of the surroundings/);
    const box = (w!.region as { box: Box }).box;
    // The fold spans x 285–385, y 250–340; the box lies within it, and holds most of it.
    expect(box.x).toBeGreaterThanOrEqual(284);
    expect(box.x + box.w).toBeLessThanOrEqual(386);
    expect(box.y).toBeGreaterThanOrEqual(249);
    expect(box.y + box.h).toBeLessThanOrEqual(341);
    expect(box.w * box.h).toBeGreaterThan(0.7 * 100 * 90);
  });

  it("passes a plain face in the surface's colour on a plain surface (white metal on a white sweep)", () => {
    const s = scene();
    disc(s, 200, 300, 90, GOLD);
    fold(s, { x: 285, y: 250, w: 100, h: 90 }, SURFACE, 0.95, 1.05);
    expect(surroundingsLike(coarse(s))).toBeNull();
    expect(keptPropSign(coarse(s))).toBeNull();
  });
});
