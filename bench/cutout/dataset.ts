// The cutout dev set (../shared/data/cutout-dev, next to the repo): real retailer cutouts with exact
// alpha, each shot in effect on four surfaces and on flat white. Read in place, never copied.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Plane } from "../../workers/retouch/types";
import { sharedLocation } from "../../tests/support/shared-data";

export const SURFACES = ["sweep", "grey", "blue", "black", "white"] as const;
export type Surface = (typeof SURFACES)[number];

/** `../shared/data/cutout-dev` relative to the repo root, or null when this checkout has none. */
export function cutoutDevDir(): string | null {
  const dir = sharedLocation("data/cutout-dev");
  return fs.existsSync(path.join(dir, "truth")) ? dir : null;
}

export function caseNames(dir: string): string[] {
  return fs
    .readdirSync(path.join(dir, "truth"))
    .filter((f) => f.endsWith(".mask.png"))
    .map((f) => f.slice(0, -".mask.png".length))
    .sort();
}

export function scenePath(dir: string, name: string, surface: Surface): string {
  return surface === "white"
    ? path.join(dir, "white", `${name}.jpg`)
    : path.join(dir, "scenes", `${name}.${surface}.jpg`);
}

export interface Truth {
  width: number;
  height: number;
  /** Exact alpha in [0, 1]. */
  alpha: Plane;
  /** The true piece, RGBA 8-bit, straight alpha. */
  rgba: Uint8Array;
}

export async function loadTruth(dir: string, name: string): Promise<Truth> {
  const { data, info } = await sharp(path.join(dir, "truth", `${name}.png`))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mask = await sharp(path.join(dir, "truth", `${name}.mask.png`))
    .extractChannel(0)
    .raw()
    .toBuffer();
  const a = new Float32Array(info.width * info.height);
  for (let i = 0; i < a.length; i++) a[i] = mask[i]! / 255;
  return {
    width: info.width,
    height: info.height,
    alpha: { width: info.width, height: info.height, data: a },
    rgba: new Uint8Array(data),
  };
}

/** An RGBA cutout file (any size) at the truth's geometry. */
export async function loadCutout(file: string | Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const img = sharp(file).ensureAlpha();
  const meta = await img.metadata();
  const resized = meta.width === width && meta.height === height ? img : img.resize(width, height, { fit: "fill" });
  return new Uint8Array(await resized.raw().toBuffer());
}
