// Stage 7 — compose and frame: the cleaned piece, scaled so its longer side fills the square canvas
// minus the margins, centred over the merchant's background, with an optional soft shadow.
import sharp from "sharp";
import type { Box } from "../types";
import { parseBackground, type RetouchSettings } from "../settings";
import { softShadow } from "./shadow";

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
}

/** Bounding box of α ≥ 8/255 (fainter pixels are matte noise, not the piece). */
export function pieceBox(alpha: Float32Array, W: number, H: number): Box | null {
  let x0 = W;
  let y0 = H;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < H; y++) {
    const o = y * W;
    for (let x = 0; x < W; x++) {
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
  const size = settings.size;
  const content = Math.max(1, Math.round(size * (1 - 2 * settings.marginPct)));
  const scale = content / Math.max(box.w, box.h);
  const pw = Math.max(1, Math.round(box.w * scale));
  const ph = Math.max(1, Math.round(box.h * scale));
  const left = Math.round((size - pw) / 2);
  const top = Math.round((size - ph) / 2);
  const extract = { left: box.x, top: box.y, width: box.w, height: box.h };
  const place = async (buf: Uint8Array, ch: 3 | 4) => {
    const scaled = await sharp(buf, { raw: { width: W, height: H, channels: ch } })
      .extract(extract)
      .resize(pw, ph, { fit: "fill", kernel: "lanczos3" })
      .ensureAlpha()
      .raw()
      .toBuffer();
    const canvas = new Uint8Array(size * size * 4);
    for (let y = 0; y < ph; y++) {
      const ty = top + y;
      if (ty < 0 || ty >= size) continue;
      for (let x = 0; x < pw; x++) {
        const tx = left + x;
        if (tx < 0 || tx >= size) continue;
        const s = 4 * (y * pw + x);
        const d = 4 * (ty * size + tx);
        canvas[d] = scaled[s]!;
        canvas[d + 1] = scaled[s + 1]!;
        canvas[d + 2] = scaled[s + 2]!;
        canvas[d + 3] = scaled[s + 3]!;
      }
    }
    return canvas;
  };
  const pieceLayer = await place(piece, 4);
  // Only the PSD shows the original; other formats skip a canvas-sized resample.
  const originalLayer = settings.format === "psd" ? await place(original, 3) : null;
  const [br, bg, bb, ba] = parseBackground(settings.background);
  const background = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    background[4 * i] = br;
    background[4 * i + 1] = bg;
    background[4 * i + 2] = bb;
    background[4 * i + 3] = ba;
  }
  const shadow = settings.shadow === "soft" ? await softShadow(pieceLayer, size) : null;
  const flat = new Uint8Array(background);
  if (shadow) over(flat, shadow);
  over(flat, pieceLayer);
  return { size, background, shadow, piece: pieceLayer, original: originalLayer, flat, box, fill: Math.max(pw, ph) / size, placed: { x: left, y: top, w: pw, h: ph } };
}

/** Straight-alpha "over", in place on dst (8-bit sRGB, as editors composite layers). */
export function over(dst: Uint8Array, src: Uint8Array): void {
  for (let i = 0; i < dst.length; i += 4) {
    const a = src[i + 3]! / 255;
    if (a === 0) continue;
    const da = dst[i + 3]! / 255;
    const oa = a + da * (1 - a);
    for (let c = 0; c < 3; c++) dst[i + c] = Math.round((src[i + c]! * a + dst[i + c]! * da * (1 - a)) / oa);
    dst[i + 3] = Math.round(oa * 255);
  }
}
