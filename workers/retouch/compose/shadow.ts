// A contact shadow from the piece's own silhouette: where a piece lies on (or stands on) a surface,
// the surface darkens just around and under it. Two blurred copies of the silhouette, dropped a
// little toward the floor — a tight, darker one (the contact) and a wider, fainter one (the
// ambient occlusion) — weighted toward the piece's lower part. Pure neutral black at a strength
// the merchant sets, so it can never tint the background; the piece itself covers the rest.
import sharp from "sharp";
import type { Placed } from "./canvas";

export const SHADOW_OPACITY = 0.5;

/** Shares of the canvas side: drop and blur of the contact and ambient layers. */
const CONTACT = { drop: 0.003, sigma: 0.004, weight: 0.6 };
const AMBIENT = { drop: 0.012, sigma: 0.014, weight: 0.4 };
/** At the top of the piece the shadow is this share of its strength at the bottom. */
const TOP_WEIGHT = 0.55;

/** The shadow's alpha (already × opacity) on canvas rows [top, top + rows), size wide. */
export interface Shadow {
  top: number;
  rows: number;
  alpha: Uint8Array;
}

async function blurred(mask: Uint8Array, w: number, h: number, sigma: number): Promise<Buffer> {
  return sharp(mask, { raw: { width: w, height: h, channels: 1 } })
    .blur(Math.max(0.3, sigma))
    .extractChannel(0) // libvips hands a blurred one-band image back as sRGB; one band is wanted
    .raw()
    .toBuffer();
}

/** The shadow of a piece layer on a size² canvas (its parts; clear elsewhere). Only alpha is read. */
export async function shadowFromPlaced(
  piece: readonly Placed[],
  size: number,
  strength = SHADOW_OPACITY,
): Promise<Shadow> {
  // The silhouette's rows and columns on the canvas.
  let x0 = size;
  let x1 = -1;
  let y0 = size;
  let y1 = -1;
  for (const p of piece)
    for (let y = Math.max(0, p.y); y < Math.min(size, p.y + p.h); y++) {
      const s = (y - p.y) * p.w - p.x;
      for (let x = Math.max(0, p.x); x < Math.min(size, p.x + p.w); x++)
        if (p.data[4 * (s + x) + 3]) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          y1 = y;
        }
    }
  if (x1 < 0 || strength <= 0) return { top: 0, rows: 0, alpha: new Uint8Array(0) };
  // The working region: the silhouette plus what the ambient layer's drop and blur reach.
  const pad = Math.ceil(size * (AMBIENT.drop + 3 * AMBIENT.sigma)) + 2;
  const rx = Math.max(0, x0 - pad);
  const ry = Math.max(0, y0 - pad);
  const rw = Math.min(size, x1 + pad + 1) - rx;
  const rh = Math.min(size, y1 + pad + 1) - ry;
  // One silhouette per layer, each dropped by its own amount (rows shifted down, clipped).
  const drops = [CONTACT, AMBIENT].map((l) => Math.max(1, Math.round(size * l.drop)));
  const masks = drops.map(() => new Uint8Array(rw * rh));
  for (const p of piece)
    for (let y = Math.max(ry, p.y); y < Math.min(ry + rh, p.y + p.h); y++) {
      const s = (y - p.y) * p.w - p.x;
      for (let x = Math.max(rx, p.x); x < Math.min(rx + rw, p.x + p.w); x++) {
        const v = p.data[4 * (s + x) + 3]!;
        if (!v) continue;
        for (let k = 0; k < 2; k++) {
          const yy = y - ry + drops[k]!;
          if (yy < rh) masks[k]![yy * rw + x - rx] = v;
        }
      }
    }
  const [contact, ambient] = await Promise.all([
    blurred(masks[0]!, rw, rh, size * CONTACT.sigma),
    blurred(masks[1]!, rw, rh, size * AMBIENT.sigma),
  ]);
  const alpha = new Uint8Array(size * rh);
  const span = Math.max(1, y1 - y0);
  for (let y = 0; y < rh; y++) {
    // Heavier toward the piece's lower part, where it rests on the surface.
    const t = Math.min(1, Math.max(0, (ry + y - y0) / span));
    const k = strength * (TOP_WEIGHT + (1 - TOP_WEIGHT) * t);
    const o = y * size + rx;
    for (let x = 0; x < rw; x++) {
      const i = y * rw + x;
      const v = CONTACT.weight * contact[i]! + AMBIENT.weight * ambient[i]!;
      if (v) alpha[o + x] = Math.min(255, Math.round(v * k));
    }
  }
  return { top: ry, rows: rh, alpha };
}

/** The shadow as a canvas-sized RGBA layer (black, alpha only). */
export function shadowLayer(shadow: Shadow, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const o = 4 * shadow.top * size;
  for (let i = 0; i < shadow.alpha.length; i++) out[o + 4 * i + 3] = shadow.alpha[i]!;
  return out;
}

/** The shadow of a canvas-sized piece layer, as a canvas-sized RGBA layer. */
export async function softShadow(pieceLayer: Uint8Array, size: number, strength = SHADOW_OPACITY): Promise<Uint8Array> {
  return shadowLayer(
    await shadowFromPlaced([{ x: 0, y: 0, w: size, h: size, data: pieceLayer }], size, strength),
    size,
  );
}
