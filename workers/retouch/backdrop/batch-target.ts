// The batch's shared exposure/white-balance target: what every neutral shooting surface in a batch
// is mapped to, so the pieces of one collection come out at one exposure and one white balance.
//
// It is computed before the batch's retouches, from every photo of the batch, by a quick reading
// of each photo's surface (no network: the frame's outer band stands in for the backdrop), so every
// worker that computes it for the same photos gets the same target.
import sharp from "sharp";
import type { BatchTarget } from "../settings";
import type { Plane } from "../types";
import { linearRgbToLab, luminance } from "../color";
import { fitBackdrop } from "./model";
import { DEFAULT_WHITE_Y, notNeutralBecause, tintSpread } from "./gains";

/** Long side of the quick reading: large enough that wood grain still reads as texture. */
const QUICK_SIDE = 512;
/** The frame's centre (this share of each side) is taken for the piece. */
const CENTRE = 0.6;
/** Luminance of L* 80: surfaces at least this bright are white sweeps, brought to DEFAULT_WHITE_Y. */
const WHITE_Y = 0.5665;

/** Linear RGB of a photo's shooting surface when it is neutral (a sweep under a lamp), else null. */
export async function quickSurface(photo: Uint8Array): Promise<[number, number, number] | null> {
  const { data, info } = await sharp(photo)
    .rotate()
    .resize(QUICK_SIDE, QUICK_SIDE, { fit: "inside", withoutEnlargement: true })
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const side = 32;
  const prob: Plane = { width: side, height: side, data: new Float32Array(side * side) };
  const lo = Math.floor((side * (1 - CENTRE)) / 2);
  for (let y = lo; y < side - lo; y++) for (let x = lo; x < side - lo; x++) prob.data[y * side + x] = 1;
  const model = fitBackdrop({ width: info.width, height: info.height, channels: 3, data }, prob, [0.5, 0.5]);
  const lab = linearRgbToLab(...(model.mean.map((v) => Math.max(v, 1e-4)) as [number, number, number]));
  return notNeutralBecause(lab, model.residual, tintSpread(model, lab)) === null ? model.mean : null;
}

/**
 * The target from the batch's surfaces (null where not neutral): a neutral grey at the batch's
 * median luminance, or the studio white when that median is a white sweep. Undefined when fewer
 * than two photos have a neutral surface (each photo then keeps its own default).
 */
export function batchTargetOf(
  surfaces: ReadonlyArray<readonly [number, number, number] | null>,
): BatchTarget | undefined {
  const ys = surfaces
    .filter((s): s is readonly [number, number, number] => s !== null)
    .map((s) => luminance(s[0], s[1], s[2]));
  if (ys.length < 2) return undefined;
  ys.sort((a, b) => a - b);
  const mid = ys.length >> 1;
  const median = ys.length % 2 ? ys[mid]! : (ys[mid - 1]! + ys[mid]!) / 2;
  const y = median >= WHITE_Y ? DEFAULT_WHITE_Y : Math.round(median * 1e4) / 1e4;
  return { backdropLinear: [y, y, y] };
}

/**
 * The target for a set of photos (a batch, or the files given to the command line), each loaded
 * when its turn comes (null: missing). One at a time: only one original is in memory, and the
 * machine's other core stays free. A photo that cannot be read counts as not neutral.
 */
export async function batchTarget(
  photos: ReadonlyArray<() => Promise<Uint8Array | null>>,
): Promise<BatchTarget | undefined> {
  const surfaces: ([number, number, number] | null)[] = [];
  for (const load of photos) {
    const bytes = await load().catch(() => null);
    surfaces.push(bytes ? await quickSurface(bytes).catch(() => null) : null);
  }
  return batchTargetOf(surfaces);
}
