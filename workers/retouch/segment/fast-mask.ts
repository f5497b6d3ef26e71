// LOUPE_ENGINE_FAST=1 (documented test setting for load and system tests): a cheap stand-in for the
// network — distance from the frame border's median colour, smoothed. Good enough on plain sweeps;
// the network path is the default.
import sharp from "sharp";
import type { Image8, Plane } from "../types";
import { boxMean } from "../pixels/box-mean";

export async function fastProbability(img: Image8, side: number): Promise<Plane> {
  const small = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } })
    .resize(side, side, { fit: "fill" })
    .removeAlpha()
    .raw()
    .toBuffer();
  const border: number[][] = [[], [], []];
  for (let k = 0; k < side; k++)
    for (const i of [k, (side - 1) * side + k, k * side, k * side + side - 1])
      for (let c = 0; c < 3; c++) border[c]!.push(small[3 * i + c]!);
  const med = border.map((v) => v.sort((a, b) => a - b)[v.length >> 1]!);
  const n = side * side;
  const d = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const e = Math.hypot(small[3 * i]! - med[0]!, small[3 * i + 1]! - med[1]!, small[3 * i + 2]! - med[2]!);
    d[i] = Math.min(1, Math.max(0, (e - 14) / 20));
  }
  return { width: side, height: side, data: boxMean(d, side, side, 1) };
}
