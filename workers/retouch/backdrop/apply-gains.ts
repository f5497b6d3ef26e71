// Applies exposure × white-balance gains to 8-bit sRGB pixels in linear light. A soft shoulder above
// 0.85 keeps raised values below clipping, so a brighter exposure never grows or adds highlights.
import type { Gains } from "./gains";
import type { Box } from "../types";
import { LINEAR_LUT, linearToSrgb8 } from "../color";

const KNEE = 0.85;

export function shoulder(v: number): number {
  if (v <= KNEE) return v;
  return KNEE + (1 - KNEE) * Math.tanh((v - KNEE) / (1 - KNEE));
}

/** Per channel, a 256-entry table: 8-bit in → 8-bit out. */
export function gainTables(g: Gains): [Uint8Array, Uint8Array, Uint8Array] {
  return [0, 1, 2].map((c) => {
    const t = new Uint8Array(256);
    const k = g.exposure * g.whiteBalance[c]!;
    for (let i = 0; i < 256; i++) {
      const v = LINEAR_LUT[i]!;
      // Lowering is linear; raising rolls off toward 1 but never darkens what was already bright.
      t[i] = linearToSrgb8(k <= 1 ? v * k : Math.max(v, shoulder(v * k)));
    }
    return t;
  }) as [Uint8Array, Uint8Array, Uint8Array];
}

/**
 * In place on interleaved RGB or RGBA. With `within` (RGBA only: a box of the `width`-wide image
 * outside which α = 0), only that box is visited: the pixels outside are skipped either way.
 */
export function applyGains(data: Uint8Array, channels: number, g: Gains, within?: { box: Box; width: number }): void {
  const tables = gainTables(g);
  if (!within || channels !== 4) return gainsOn(data, 0, data.length, channels, tables);
  const { box, width } = within;
  for (let y = box.y; y < box.y + box.h; y++)
    gainsOn(data, 4 * (y * width + box.x), 4 * (y * width + box.x + box.w), 4, tables);
}

function gainsOn(
  data: Uint8Array,
  from: number,
  to: number,
  channels: number,
  [t0, t1, t2]: [Uint8Array, Uint8Array, Uint8Array],
): void {
  for (let o = from; o < to; o += channels) {
    if (channels === 4 && data[o + 3] === 0) continue; // fully transparent: colour is irrelevant
    data[o] = t0[data[o]!]!;
    data[o + 1] = t1[data[o + 1]!]!;
    data[o + 2] = t2[data[o + 2]!]!;
  }
}
