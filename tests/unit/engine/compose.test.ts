// Framing builds exactly the image of the straightforward composite: the whole crop resized in one
// libvips call, placed on canvas-sized layers and composited pixel by pixel with "over". The
// tiled resize, the RGB flat for JPEG, the lazily built PSD layers and the ICC tagging are speed-ups
// only, so every pixel must match.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeFixture } from "../../fixtures/jewelry";
import { frame, pieceBox } from "../../../workers/retouch/compose/frame";
import { softShadow } from "../../../workers/retouch/compose/shadow";
import { scaleCrop, visibleTiles } from "../../../workers/retouch/compose/scale";
import { cutSides, layoutPiece } from "../../../workers/retouch/compose/layout";
import { encodeComposite, encodeThumbnail } from "../../../workers/retouch/export/encode";
import { resolveSettings, parseBackground, type RetouchSettings } from "../../../workers/retouch/settings";
import type { Box } from "../../../workers/retouch/types";

/**
 * Porter–Duff "over" with straight alpha on 8-bit RGBA, from its definition (αo = αs + αd(1 − αs),
 * Co = (Cs·αs + Cd·αd(1 − αs)) / αo), written here so that the engine's own compositing is not the
 * oracle of its tiled compose. A clear source pixel leaves the destination as it is.
 */
function over(dst: Uint8Array, src: Uint8Array): void {
  for (let i = 0; i < dst.length; i += 4) {
    const as = src[i + 3]! / 255;
    if (as === 0) continue;
    const ad = dst[i + 3]! / 255;
    const ao = as + ad * (1 - as);
    for (let c = 0; c < 3; c++) dst[i + c] = Math.round((src[i + c]! * as + dst[i + c]! * ad * (1 - as)) / ao);
    dst[i + 3] = Math.round(ao * 255);
  }
}

/** The reference: one resize, canvas-sized layers, per-pixel over. */
async function reference(piece: Uint8Array, W: number, H: number, box: Box, s: RetouchSettings) {
  const lay = layoutPiece(box, cutSides(piece, W, H, box), s.size, s.marginPct, s.upscale);
  const size = lay.size;
  const { x: left, y: top, w: pw, h: ph } = lay.placed;
  const scaled = await sharp(piece, { raw: { width: W, height: H, channels: 4 } })
    .extract({ left: box.x, top: box.y, width: box.w, height: box.h })
    .resize(pw, ph, { fit: "fill", kernel: "lanczos3" })
    .raw()
    .toBuffer();
  const layer = new Uint8Array(size * size * 4);
  for (let y = 0; y < ph; y++) layer.set(scaled.subarray(4 * y * pw, 4 * (y + 1) * pw), 4 * ((top + y) * size + left));
  const bg = parseBackground(s.background);
  const flat = new Uint8Array(size * size * 4);
  for (let i = 0; i < flat.length; i++) flat[i] = bg[i % 4]!;
  const shadow = s.shadow === "soft" ? await softShadow(layer, size, s.shadowStrength) : null;
  if (shadow) over(flat, shadow);
  over(flat, layer);
  return { layer, shadow, flat, size };
}

/** An RGBA layer with the colour of fully clear pixels zeroed. */
function visible(layer: Uint8Array): Buffer {
  const out = Buffer.from(layer);
  for (let i = 0; i < out.length; i += 4) if (!out[i + 3]) out.fill(0, i, i + 3);
  return out;
}

/** A piece with soft edges, dust and a hole, off-centre in a wider photo. */
function scene(seed: number) {
  const f = makeFixture({ size: 320, layout: seed % 2 ? "ring" : "chain", dust: 6, seed });
  const W = 420;
  const H = 340;
  const rgba = new Uint8Array(W * H * 4);
  for (let y = 0; y < 320; y++)
    for (let x = 0; x < 320; x++) {
      const s = y * 320 + x;
      const d = 4 * ((y + 10) * W + x + 70);
      rgba.set(f.image.data.subarray(3 * s, 3 * s + 3), d);
      rgba[d + 3] = Math.round(f.alpha.data[s]! * 255);
    }
  const alpha = new Float32Array(W * H);
  for (let i = 0; i < W * H; i++) alpha[i] = rgba[4 * i + 3]! / 255;
  return { rgba, W, H, box: pieceBox(alpha, W, H)! };
}

describe("compose", () => {
  it("the chain scene leaves part of the scaled crop uncomputed (so the tests below cover skipping)", () => {
    const { rgba, W, box } = scene(4);
    const pw = 504;
    const ph = Math.round((box.h * pw) / box.w);
    const area = visibleTiles(rgba, W, box, pw, ph).reduce((a, t) => a + t.width * t.height, 0);
    expect(area).toBeLessThan(0.9 * pw * ph);
  });

  for (const [name, partial] of [
    ["jpg on white (not enlarged: a smaller canvas)", {}],
    ["jpg on white, upscaled on request", { upscale: true }],
    ["jpg, soft shadow", { shadow: "soft", upscale: true }],
    ["png on transparent, soft shadow", { format: "png", background: "transparent", shadow: "soft", upscale: true }],
    ["jpg on a half-transparent colour", { background: "#d0b08080", marginPct: 0.2, upscale: true }],
    ["downsized to 64 px (box shrink + lanczos3)", { size: 64 }],
    ["downsized to 150 px", { size: 150, shadow: "soft" }],
  ] as const) {
    it(`${name}: the flat image and the layers equal the straightforward composite`, async () => {
      for (const seed of [3, 4]) {
        const { rgba, W, H, box } = scene(seed);
        const s = resolveSettings({ size: 600, ...partial });
        const ref = await reference(rgba, W, H, box, s);
        const n = ref.size * ref.size;
        const f = await frame(rgba, new Uint8Array(W * H * 3), W, H, box, s);
        expect(f.size).toBe(s.upscale ? s.size : Math.min(s.size, f.layout.supported));
        expect(Buffer.compare(Buffer.from(f.flat), Buffer.from(ref.flat))).toBe(0);
        if (f.rgb) {
          let differ = 0;
          for (let i = 0; i < n; i++)
            for (let c = 0; c < 3; c++) differ += f.rgb[3 * i + c] === ref.flat[4 * i + c] ? 0 : 1;
          expect(differ).toBe(0);
        }
        // Fully clear pixels compare as clear (an unresized crop keeps the photo's RGB under α = 0).
        expect(Buffer.compare(visible(f.piece), visible(ref.layer))).toBe(0);
        expect(f.shadow ? Buffer.compare(Buffer.from(f.shadow), Buffer.from(ref.shadow!)) : ref.shadow).toBe(
          ref.shadow ? 0 : null,
        );
      }
    });
  }

  it("the tiled resize of sparse blobs equals one resize, downsizing and upsizing", async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const W = 900;
    const H = 700;
    const rgba = new Uint8Array(W * H * 4);
    for (let k = 0; k < 5; k++) {
      const cx = 60 + rand() * 780;
      const cy = 60 + rand() * 580;
      const r = 4 + rand() * 25;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const d = Math.hypot(x - cx, y - cy);
          if (d >= r + 1) continue;
          rgba.set([rand() * 255, 200, 30, d < r ? 255 : 128], 4 * (y * W + x));
        }
    }
    const box = { x: 15, y: 10, w: 870, h: 680 };
    for (const s of [0.06, 0.3, 1.3]) {
      const pw = Math.round(box.w * s);
      const ph = Math.round(box.h * s);
      const full = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
        .extract({ left: box.x, top: box.y, width: box.w, height: box.h })
        .resize(pw, ph, { fit: "fill", kernel: "lanczos3" })
        .raw()
        .toBuffer();
      const { tiles } = await scaleCrop(rgba, W, H, box, pw, ph);
      const got = new Uint8Array(pw * ph * 4);
      for (const t of tiles)
        for (let y = 0; y < t.height; y++)
          got.set(t.data.subarray(4 * y * t.width, 4 * (y + 1) * t.width), 4 * ((t.top + y) * pw + t.left));
      expect(Buffer.compare(Buffer.from(got), full)).toBe(0);
      if (s > 0.1) expect(tiles.reduce((a, t) => a + t.width * t.height, 0)).toBeLessThan(0.5 * pw * ph);
    }
  });

  it("the JPEG and thumbnail are the bytes of the sharp pipelines they replace", async () => {
    const { rgba, W, H, box } = scene(5);
    const s = resolveSettings({ size: 512, upscale: true });
    const f = await frame(rgba, new Uint8Array(W * H * 3), W, H, box, s);
    const raw = { raw: { width: 512, height: 512, channels: 4 as const } };
    const jpeg = await sharp(f.flat, raw)
      .flatten({ background: "#ffffff" })
      .withIccProfile("srgb")
      .jpeg({ quality: 92, chromaSubsampling: "4:4:4", mozjpeg: false })
      .toBuffer();
    const thumb = await sharp(f.flat, raw)
      .flatten({ background: "#ffffff" })
      .resize(400, 400, { fit: "inside" })
      .jpeg({ quality: 85 })
      .toBuffer();
    expect(Buffer.compare((await encodeComposite(f, "jpg")).data, jpeg)).toBe(0);
    expect(Buffer.compare(await encodeThumbnail(f), thumb)).toBe(0);
  });
});
