// Where the piece goes on the square canvas, and how big the canvas is.
//
// - Resolution: the piece is never enlarged beyond its source pixels unless upscaling is asked for.
//   The canvas side is the smaller of the requested size and the side at which the piece sits at
//   scale 1 with its margins: a small photo gives a smaller canvas (padded), never a blurred one.
// - Framing: a side where the photo cut the piece (a chain running off the frame) stays cut: the
//   piece touches the canvas edge there, with no margin. Margins apply to the other sides.
import type { Box } from "../types";

export interface Sides {
  left: boolean;
  top: boolean;
  right: boolean;
  bottom: boolean;
}

export interface Layout {
  /** Canvas side (px). */
  size: number;
  /** The size the caller asked for (the store's size). */
  requested: number;
  /** The largest canvas side at which the piece is not enlarged (scale 1). */
  supported: number;
  /** Output px per source px (≤ 1 unless upscaling was asked for). */
  scale: number;
  placed: Box;
  cut: Sides;
}

/** Opaque piece pixels on a photo edge that make that side "cut" (a few, so matte noise does not). */
const CUT_MIN_PIXELS = 3;
/** Alpha (8-bit) that counts as piece on the photo's edge. */
const CUT_ALPHA = 128;

/** Which sides of the photo cut the piece: the piece's box reaches that edge with opaque pixels on it. */
export function cutSides(rgba: Uint8Array, W: number, H: number, box: Box): Sides {
  const countRow = (y: number) => {
    let n = 0;
    for (let x = box.x; x < box.x + box.w; x++) if (rgba[4 * (y * W + x) + 3]! >= CUT_ALPHA) n++;
    return n;
  };
  const countCol = (x: number) => {
    let n = 0;
    for (let y = box.y; y < box.y + box.h; y++) if (rgba[4 * (y * W + x) + 3]! >= CUT_ALPHA) n++;
    return n;
  };
  return {
    left: box.x === 0 && countCol(0) >= CUT_MIN_PIXELS,
    top: box.y === 0 && countRow(0) >= CUT_MIN_PIXELS,
    right: box.x + box.w === W && countCol(W - 1) >= CUT_MIN_PIXELS,
    bottom: box.y + box.h === H && countRow(H - 1) >= CUT_MIN_PIXELS,
  };
}

/** Position along one axis: against the cut side, or centred when both or neither are cut. */
export function placeOnAxis(size: number, extent: number, cutLow: boolean, cutHigh: boolean): number {
  if (cutLow && !cutHigh) return 0;
  if (cutHigh && !cutLow) return size - extent;
  return Math.round((size - extent) / 2);
}

export function layoutPiece(box: Box, cut: Sides, requested: number, marginPct: number, upscale = false): Layout {
  // Share of the canvas left to the piece on each axis: one margin per side that is not cut.
  const fx = 1 - marginPct * (Number(!cut.left) + Number(!cut.right));
  const fy = 1 - marginPct * (Number(!cut.top) + Number(!cut.bottom));
  const supported = Math.max(1, Math.ceil(Math.max(box.w / fx, box.h / fy) - 1e-9));
  const size = upscale ? requested : Math.min(requested, supported);
  // The canvas side is rounded up, so the fit may exceed 1 by a hair: capped, the piece keeps its pixels.
  const fit = Math.min((size * fx) / box.w, (size * fy) / box.h);
  const scale = upscale ? fit : Math.min(1, fit);
  const pw = Math.min(size, Math.max(1, Math.round(box.w * scale)));
  const ph = Math.min(size, Math.max(1, Math.round(box.h * scale)));
  const placed: Box = {
    x: placeOnAxis(size, pw, cut.left, cut.right),
    y: placeOnAxis(size, ph, cut.top, cut.bottom),
    w: pw,
    h: ph,
  };
  return { size, requested, supported, scale, placed, cut };
}

/** What the report says about the canvas: its size, where the piece's box landed on it, and when the photo is too small for the store's size. */
export function framingReport(l: Layout): {
  size: number;
  requested: number;
  supported: number;
  scale: number;
  cut: string[];
  placed: Box;
  note?: string;
} {
  const cut = (Object.keys(l.cut) as (keyof Sides)[]).filter((k) => l.cut[k]);
  const base = {
    size: l.size,
    requested: l.requested,
    supported: l.supported,
    scale: Math.round(l.scale * 1000) / 1000,
    cut,
    placed: l.placed,
  };
  if (l.supported >= l.requested) return base;
  const note =
    l.size < l.requested
      ? `The photo is too small for the store's ${l.requested} px: the piece has pixels for a ${l.supported} px image, so it is delivered at ${l.size} px instead of being enlarged (blurred). Shoot closer or at a higher resolution, or turn on upscaling.`
      : `The photo is too small for the store's ${l.requested} px: the piece was enlarged ×${l.scale.toFixed(2)} because upscaling is on, so fine detail is soft.`;
  return { ...base, note };
}
