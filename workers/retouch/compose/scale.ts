// Scales the piece's crop to its place on the canvas (lanczos3 in libvips, alpha premultiplied
// around the resize). At 4 MP → 2048² this resize was ~95 ms of the stage, and most of the crop is
// transparent (a ring's box is ~30 % piece). Output pixels whose resampling support holds only
// α = 0 come out exactly 0, so the output is cut into bands and each band into spans that can see
// the piece; only those are resized — each a libvips region of the same resize, hence the same
// values — as separate jobs that libuv can run side by side.
import sharp from "sharp";
import type { Box } from "../types";

/** Occupancy blocks, in input pixels: coarse enough to be cheap, fine enough to skip a ring's hole. */
const BLOCK = 16;
/** Output rows per band: each job costs ~1 ms of setup, so bands stay this tall. */
const BAND = 128;
/** Spans closer than this (output px) are resized as one. */
const JOIN = 48;

interface Tile {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The scaled crop as the tiles that were computed (RGBA); everything else is 0. */
export interface ScaledTiles {
  width: number;
  height: number;
  tiles: (Tile & { data: Uint8Array })[];
}

/**
 * rgba (W×H, straight alpha) cropped to box and resized to pw×ph RGBA: the same bytes as one
 * `extract → resize(pw, ph, lanczos3)` of the whole crop, as the tiles that can hold the piece.
 */
export async function scaleCrop(
  rgba: Uint8Array,
  W: number,
  H: number,
  box: Box,
  pw: number,
  ph: number,
): Promise<ScaledTiles> {
  const tiles = visibleTiles(rgba, W, box, pw, ph);
  const parts = await Promise.all(
    tiles.map((t) =>
      sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
        .extract({ left: box.x, top: box.y, width: box.w, height: box.h })
        .resize(pw, ph, { fit: "fill", kernel: "lanczos3" })
        .extract(t)
        .raw()
        .toBuffer(),
    ),
  );
  return { width: pw, height: ph, tiles: tiles.map((t, k) => ({ ...t, data: parts[k]! })) };
}

/** Output tiles (bands × spans) whose resampling support may hold a pixel with α > 0. */
export function visibleTiles(rgba: Uint8Array, W: number, box: Box, pw: number, ph: number): Tile[] {
  const bw = Math.ceil(box.w / BLOCK);
  const bh = Math.ceil(box.h / BLOCK);
  const occupied = new Uint8Array(bw * bh);
  for (let y = 0; y < box.h; y++) {
    const row = ((y / BLOCK) | 0) * bw;
    const o = 4 * ((box.y + y) * W + box.x) + 3;
    // Block by block, leaving a block at its first visible pixel.
    for (let c = 0; c < bw; c++) {
      if (occupied[row + c]) continue;
      for (let x = c * BLOCK, end = Math.min(box.w, x + BLOCK); x < end; x++)
        if (rgba[o + 4 * x]) {
          occupied[row + c] = 1;
          break;
        }
    }
  }
  const sx = pw / box.w;
  const sy = ph / box.h;
  // How far (in blocks) an output pixel's resampling reaches into the input, with room to spare:
  // upsizing is bicubic (2 px); downsizing by f is a box shrink by ⌊f/2⌋ and lanczos3 (3 lobes)
  // over the rest, under 3.5·f + 1 px.
  const reach = Math.ceil((4 + 3.5 / Math.min(sx, sy, 1)) / BLOCK);
  const tiles: Tile[] = [];
  for (let top = 0; top < ph; top += BAND) {
    const height = Math.min(BAND, ph - top);
    // Block rows this band reads.
    const r0 = Math.max(0, Math.floor(top / sy / BLOCK) - reach);
    const r1 = Math.min(bh - 1, Math.floor((top + height) / sy / BLOCK) + reach);
    const cols = new Uint8Array(bw);
    for (let r = r0; r <= r1; r++) for (let c = 0; c < bw; c++) if (occupied[r * bw + c]) cols[c] = 1;
    let c = 0;
    let last: Tile | null = null;
    while (c < bw) {
      if (!cols[c]) {
        c++;
        continue;
      }
      const c0 = c;
      while (c < bw && cols[c]) c++;
      // Block columns c0..c−1 and the output columns that can reach them.
      const left = Math.max(0, Math.floor((c0 - reach) * BLOCK * sx));
      const right = Math.min(pw, Math.ceil((c + reach) * BLOCK * sx));
      if (last && left - (last.left + last.width) < JOIN) last.width = right - last.left;
      else tiles.push((last = { left, top, width: right - left, height }));
    }
  }
  return tiles;
}
