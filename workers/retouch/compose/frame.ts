// Stage 7 — compose and frame: the cleaned piece on a square canvas (layout.ts: never enlarged by
// default; sides the photo cut stay cut), over the merchant's background, with an optional shadow.
//
// Only the flat image is built eagerly. The separate canvas-sized layers (background, shadow, piece,
// original) exist for the PSD and are made on first read: at 2048² each is a 16 MB array, and
// filling, copying and compositing them whole in JavaScript was ~60 % of this stage at 4 MP.
import sharp from "sharp";
import type { Box } from "../types";
import { parseBackground, type RetouchSettings } from "../settings";
import { shadowFromPlaced, shadowLayer, type Shadow } from "./shadow";
import { type Placed, fillCanvas, overPixel, overRect, placeOnCanvas, withAlpha } from "./canvas";
import { scaleCrop } from "./scale";
import { cutSides, layoutPiece, type Layout } from "./layout";

export interface Framed {
  size: number;
  /** Canvas-sized RGBA layers, bottom to top. */
  background: Uint8Array;
  shadow: Uint8Array | null;
  piece: Uint8Array;
  /** The original photo under the same crop and scale (the PSD's reference layer; PSD only). */
  original: Uint8Array | null;
  flat: Uint8Array;
  box: Box;
  fill: number;
  placed: Box;
  /** Canvas size, resolution and which sides run off the canvas. */
  layout: Layout;
  /** flat without its alpha band, when that is 255 everywhere (set for JPEG on an opaque background). */
  rgb?: Uint8Array;
}

/** Bounding box of α ≥ 8/255 (fainter pixels are matte noise, not the piece). */
export function pieceBox(
  alpha: Float32Array,
  W: number,
  H: number,
  /** A box outside which α = 0: only it is read. */
  within: Box = { x: 0, y: 0, w: W, h: H },
): Box | null {
  let x0 = W;
  let y0 = H;
  let x1 = -1;
  let y1 = -1;
  for (let y = within.y; y < within.y + within.h; y++) {
    const o = y * W;
    for (let x = within.x; x < within.x + within.w; x++) {
      if (alpha[o + x]! >= 8 / 255) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

export async function frame(
  piece: Uint8Array,
  original: Uint8Array,
  W: number,
  H: number,
  box: Box,
  settings: RetouchSettings,
): Promise<Framed> {
  const lay = layoutPiece(box, cutSides(piece, W, H, box), settings.size, settings.marginPct, settings.upscale);
  const { size, placed } = lay;
  const { w: pw, h: ph } = placed;
  // Only the PSD shows the original; other formats skip its resample.
  const [tiles, scaledOriginal] = await Promise.all([
    scaleCrop(piece, W, H, box, pw, ph),
    settings.format === "psd"
      ? sharp(original, { raw: { width: W, height: H, channels: 3 } })
          .extract({ left: box.x, top: box.y, width: box.w, height: box.h })
          .resize(pw, ph, { fit: "fill", kernel: "lanczos3" })
          .ensureAlpha()
          .raw()
          .toBuffer()
      : null,
  ]);
  // The piece layer is its computed tiles, placed on the canvas (the rest of it is clear).
  const pieceTiles: Placed[] = tiles.tiles.map((t) => ({
    x: placed.x + t.left,
    y: placed.y + t.top,
    w: t.width,
    h: t.height,
    data: t.data,
  }));
  const shadow: Shadow | null =
    settings.shadow === "soft" ? await shadowFromPlaced(pieceTiles, size, settings.shadowStrength) : null;

  const bg = parseBackground(settings.background);
  // A JPEG on an opaque background is built as RGB: its encoders then skip libvips' flatten (a float
  // blend of every pixel, ~25 ms at 2048²) and resample 3 bands instead of 4 for the thumbnail.
  const ch = settings.format === "jpg" && bg[3] === 255 ? 3 : 4;
  const flat = fillCanvas(size, bg, ch);
  if (shadow) {
    // The shadow layer (black, alpha only) over the plain background: the result depends on the
    // shadow's alpha alone, so it is "over" once per alpha value, then a table lookup.
    const lut = new Uint8Array(256 * ch);
    for (let a = 0; a < 256; a++) {
      lut.set(flat.subarray(0, ch), a * ch);
      if (a) overPixel(lut, a * ch, ch, 0, 0, 0, a);
    }
    for (let y = 0; y < shadow.rows; y++) {
      const o = y * size;
      const d = ch * (shadow.top + y) * size;
      for (let x = 0; x < size; x++) {
        const a = shadow.alpha[o + x]!;
        if (!a) continue;
        const p = d + ch * x;
        const k = a * ch;
        flat[p] = lut[k]!;
        flat[p + 1] = lut[k + 1]!;
        flat[p + 2] = lut[k + 2]!;
        if (ch === 4) flat[p + 3] = lut[k + 3]!;
      }
    }
  }
  for (const t of pieceTiles) overRect(flat, size, ch, t);

  let flatRgba: Uint8Array | undefined = ch === 4 ? flat : undefined;
  let backgroundLayer: Uint8Array | undefined;
  let shadowCanvas: Uint8Array | null | undefined;
  let pieceLayer: Uint8Array | undefined;
  let originalLayer: Uint8Array | null | undefined;
  return {
    size,
    get background() {
      return (backgroundLayer ??= fillCanvas(size, bg));
    },
    get shadow() {
      if (shadowCanvas === undefined) shadowCanvas = shadow ? shadowLayer(shadow, size) : null;
      return shadowCanvas;
    },
    get piece() {
      return (pieceLayer ??= placeOnCanvas(size, pieceTiles));
    },
    get original() {
      if (originalLayer === undefined)
        originalLayer = scaledOriginal ? placeOnCanvas(size, [{ ...placed, data: scaledOriginal }]) : null;
      return originalLayer;
    },
    get flat() {
      return (flatRgba ??= withAlpha(flat));
    },
    rgb: ch === 3 ? flat : undefined,
    box,
    fill: Math.max(pw, ph) / size,
    placed,
    layout: lay,
  };
}
