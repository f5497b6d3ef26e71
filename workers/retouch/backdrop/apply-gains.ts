// Applies exposure × white-balance gains to 8-bit sRGB pixels in linear light. A soft shoulder above
// 0.85 keeps raised values below clipping, so a brighter exposure never grows or adds highlights.
import type { Gains } from "./gains";
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

/** In place on interleaved RGB or RGBA. */
export function applyGains(data: Uint8Array, channels: number, g: Gains): void {
  const [t0, t1, t2] = gainTables(g);
  for (let o = 0; o < data.length; o += channels) {
    if (channels === 4 && data[o + 3] === 0) continue; // fully transparent: colour is irrelevant
    data[o] = t0[data[o]!]!;
    data[o + 1] = t1[data[o + 1]!]!;
    data[o + 2] = t2[data[o + 2]!]!;
  }
}
