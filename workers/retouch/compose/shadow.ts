// A soft contact shadow: the piece's silhouette, flattened toward the floor, blurred and dropped a
// little below it. Pure neutral black at low opacity, so it can never tint the background.
import sharp from "sharp";
import type { Placed } from "./canvas";

export const SHADOW_OPACITY = 0.22;

/** The shadow's alpha (already × opacity) on canvas rows [top, top + rows), size wide. */
export interface Shadow {
  top: number;
  rows: number;
  alpha: Uint8Array;
}

/** The shadow of a piece layer on a size² canvas (its parts; clear elsewhere). Only alpha is read. */
export async function shadowFromPlaced(piece: readonly Placed[], size: number): Promise<Shadow> {
  const a = new Uint8Array(size * size);
  let lastRow = 0;
  for (const p of piece)
    for (let y = Math.max(0, p.y); y < Math.min(size, p.y + p.h); y++) {
      const s = (y - p.y) * p.w - p.x;
      for (let x = Math.max(0, p.x); x < Math.min(size, p.x + p.w); x++) {
        const v = p.data[4 * (s + x) + 3]!;
        a[y * size + x] = v;
        if (v && y > lastRow) lastRow = y;
      }
    }
  const squash = Math.max(1, Math.round(size * 0.35));
  const blurred = await sharp(a, { raw: { width: size, height: size, channels: 1 } })
    .resize(size, squash, { fit: "fill" })
    .blur(Math.max(0.5, size * 0.012))
    .raw()
    .toBuffer();
  // Place the squashed silhouette so its top sits at 75 % of the piece's height: a shadow cast on
  // the floor just behind and below the piece.
  const top = Math.min(size - squash, Math.max(0, lastRow - Math.round(squash * 0.85)));
  const alpha = new Uint8Array(size * squash);
  for (let i = 0; i < alpha.length; i++) {
    const v = blurred[i]!;
    if (v) alpha[i] = Math.round(v * SHADOW_OPACITY);
  }
  return { top, rows: squash, alpha };
}

/** The shadow as a canvas-sized RGBA layer (black, alpha only). */
export function shadowLayer(shadow: Shadow, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const o = 4 * shadow.top * size;
  for (let i = 0; i < shadow.alpha.length; i++) out[o + 4 * i + 3] = shadow.alpha[i]!;
  return out;
}

/** The shadow of a canvas-sized piece layer, as a canvas-sized RGBA layer. */
export async function softShadow(pieceLayer: Uint8Array, size: number): Promise<Uint8Array> {
  return shadowLayer(await shadowFromPlaced([{ x: 0, y: 0, w: size, h: size, data: pieceLayer }], size), size);
}
