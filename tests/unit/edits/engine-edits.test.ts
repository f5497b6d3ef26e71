// The engine's re-render with a merchant's edits: strokes act exactly along their path (and nowhere
// else), restore undoes erase, refine re-solves α from the photo, and the colour pass is the very
// computation the browser previews (ΔE00 against the worker's pixels), +1 stop doubling the piece's
// linear luminance.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { makeFixture, fixturePng, type Fixture } from "../../fixtures/jewelry";
import { truthSegmenter } from "../../fixtures/segmenters";
import { runPipeline } from "../../../workers/retouch/pipeline";
import { applyColorPass, neutralFrom, whiteBalanceOf } from "../../../workers/retouch/edits/color-pass";
import type { EditList, MaskStroke } from "../../../workers/retouch/edits/types";
import { deltaE2000, linearRgbToLab, srgbToLinear } from "../../../workers/retouch/color";

const SIZE = 480;

async function rgba(buf: Buffer): Promise<Uint8Array> {
  const { data } = await sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data);
}

function distToSegment(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

const lab8 = (d: ArrayLike<number>, o: number) =>
  linearRgbToLab(srgbToLinear(d[o]! / 255), srgbToLinear(d[o + 1]! / 255), srgbToLinear(d[o + 2]! / 255));
const lum8 = (d: ArrayLike<number>, o: number) =>
  0.2126 * srgbToLinear(d[o]! / 255) + 0.7152 * srgbToLinear(d[o + 1]! / 255) + 0.0722 * srgbToLinear(d[o + 2]! / 255);

describe("re-render with edits", () => {
  let f: Fixture;
  let png: Buffer;
  let auto: Uint8Array;
  const render = async (edits: EditList) =>
    rgba((await runPipeline(png, { format: "png", edits }, truthSegmenter(f, 384))).output.cutoutPng);

  beforeAll(async () => {
    f = makeFixture({ size: SIZE, metal: "yellow", cast: "warm", exposure: 0.7, dust: 0, seed: 5 });
    png = await fixturePng(f);
    auto = await render({ mask: [], color: null });
  });

  // A horizontal stroke through the middle of the frame, across the piece.
  const a: [number, number] = [40, SIZE / 2];
  const b: [number, number] = [SIZE - 40, SIZE / 2];
  const erase: MaskStroke = { op: "erase", radius: 10, hardness: 1, points: [a, [SIZE / 2, SIZE / 2], b] };

  it("erase: transparent along the stroke, unchanged away from it", async () => {
    const out = await render({ mask: [erase], color: null });
    let inside = 0;
    let insideClear = 0;
    let far = 0;
    let farSame = 0;
    let pieceInStroke = 0;
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++) {
        const d = distToSegment(x + 0.5, y + 0.5, a, b);
        const o = 4 * (y * SIZE + x);
        if (d <= 9.5) {
          inside++;
          if (out[o + 3] === 0) insideClear++;
          if (auto[o + 3] === 255) pieceInStroke++;
        } else if (d >= 16) {
          far++;
          if (
            out[o + 3] === auto[o + 3] &&
            out[o] === auto[o] &&
            out[o + 1] === auto[o + 1] &&
            out[o + 2] === auto[o + 2]
          )
            farSame++;
        }
      }
    expect(pieceInStroke).toBeGreaterThan(200); // the stroke really crosses the piece
    expect(insideClear).toBe(inside);
    expect(farSame / far).toBeGreaterThan(0.999);
  });

  it("restore along the same path brings the piece back", async () => {
    const out = await render({ mask: [erase, { ...erase, op: "restore" }], color: null });
    let piece = 0;
    let back = 0;
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++) {
        if (distToSegment(x + 0.5, y + 0.5, a, b) > 9.5) continue;
        const i = y * SIZE + x;
        if (f.alpha.data[i]! < 1) continue;
        piece++;
        if (out[4 * i + 3] === 255) back++;
      }
    expect(piece).toBeGreaterThan(200);
    expect(back).toBe(piece);
  });

  it("refine re-solves α from the photo: a restored strip of backdrop goes clear again, the piece stays", async () => {
    const restore: MaskStroke = { op: "restore", radius: 12, hardness: 1, points: [a, b] };
    const restored = await render({ mask: [restore], color: null });
    const refined = await render({ mask: [restore, { ...restore, op: "refine" }], color: null });
    let bg = 0;
    let bgOpaqueBefore = 0;
    let bgClearAfter = 0;
    let piece = 0;
    let pieceKept = 0;
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++) {
        if (distToSegment(x + 0.5, y + 0.5, a, b) > 11) continue;
        const i = y * SIZE + x;
        const t = f.alpha.data[i]!;
        if (t === 0) {
          bg++;
          if (restored[4 * i + 3] === 255) bgOpaqueBefore++;
          if (refined[4 * i + 3]! < 64) bgClearAfter++;
        } else if (t === 1) {
          piece++;
          if (refined[4 * i + 3]! > 191) pieceKept++;
        }
      }
    expect(bgOpaqueBefore).toBe(bg);
    expect(bgClearAfter / bg).toBeGreaterThan(0.9);
    expect(pieceKept / piece).toBeGreaterThan(0.9);
  });

  it("colour pass: the browser's preview (same module on the automatic cutout) matches the worker within ΔE00 1; +1 stop doubles the piece's linear luminance", async () => {
    const pass = { exposure: 1, temperature: -20, tint: 10 };
    const worker = await render({ mask: [], color: pass });
    const preview = new Uint8ClampedArray(auto);
    applyColorPass(preview, 4, pass);
    let maxDe = 0;
    let n = 0;
    for (let o = 0; o < auto.length; o += 4) {
      if (auto[o + 3] !== 255) continue;
      maxDe = Math.max(maxDe, deltaE2000(...lab8(preview, o), ...lab8(worker, o)));
      n++;
    }
    expect(n).toBeGreaterThan(2000);
    expect(maxDe).toBeLessThanOrEqual(1);

    const plusOne = await render({ mask: [], color: { exposure: 1, temperature: 0, tint: 0 } });
    let before = 0;
    let after = 0;
    for (let i = 0; i < SIZE * SIZE; i++) {
      if (!f.metalInner[i]) continue;
      before += lum8(auto, 4 * i);
      after += lum8(plusOne, 4 * i);
    }
    expect(after / before).toBeGreaterThan(1.8);
    expect(after / before).toBeLessThan(2.2);
  });

  it("the neutral picker's temperature and tint make the picked colour grey", () => {
    const picked: [number, number, number] = [236, 222, 196]; // a warm white backdrop
    const { temperature, tint } = neutralFrom(picked);
    const wb = whiteBalanceOf(temperature, tint);
    const lin = picked.map((v, c) => srgbToLinear(v / 255) * wb[c]!) as [number, number, number];
    const [, A, B] = linearRgbToLab(...lin);
    expect(Math.hypot(A, B)).toBeLessThan(0.5);
    expect(temperature).toBeLessThan(0); // warm → cooled
  });
});
