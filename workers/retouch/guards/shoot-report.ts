// The shoot report: what to change at the next photo session, from what the batch measured. Unlike
// the guards it is advice, each item with a concrete tip.
import { median } from "./batch/median";

export interface ShootImage {
  id: string;
  width: number;
  height: number;
  /** Dust specks the cleanup removed from this image. */
  dustCount: number;
  /** Evenness of the shooting surface in [0, 1]: 1 = perfectly even, lower = gradients or vignetting. */
  backdropUniformity: number;
  /** Exposure gain the engine applied (linear, 1 = none). */
  exposure: number;
  /** White-balance gains the engine applied (linear R, G, B). */
  whiteBalance: [number, number, number];
  /** Share of the backdrop lit by a differently coloured light, in [0, 1] (optional). */
  mixedLighting?: number;
}

export interface ShootReportItem {
  code: string;
  message: string;
  tip: string;
  value: number;
}

/** Settings of the shoot report (not guard thresholds: advice, not warnings). */
export const SHOOT_LIMITS = {
  dustPerImage: 3,
  uniformityMin: 0.85,
  exposureSpreadStops: 1,
  whiteBalanceSpread: 0.1,
  mixedLightingMax: 0.25,
};

export function shootReport(input: { images: ShootImage[]; outputSize: number; upscale?: boolean }): ShootReportItem[] {
  const imgs = input.images;
  if (imgs.length === 0) return [];
  const out: ShootReportItem[] = [];
  const r3 = (v: number) => Math.round(v * 1000) / 1000;

  const dust = median(imgs.map((i) => i.dustCount));
  if (dust > SHOOT_LIMITS.dustPerImage)
    out.push({
      code: "SHOOT_DUST",
      message: `Loupe removed about ${Math.round(dust)} dust specks per photo.`,
      tip: "Clean pieces with a blower and a lint-free cloth right before each shot, and wear gloves: fewer specks means less retouching and sharper detail.",
      value: r3(dust),
    });

  const uni = median(imgs.map((i) => i.backdropUniformity));
  if (uni < SHOOT_LIMITS.uniformityMin)
    out.push({
      code: "SHOOT_BACKDROP_UNEVEN",
      message: `The shooting surface is unevenly lit (evenness ${r3(uni)} of 1).`,
      tip: "Light the backdrop evenly with two diffused lights or a light tent, and keep the piece away from the surface's edges to avoid gradients and vignetting.",
      value: r3(uni),
    });

  const stops = imgs.map((i) => Math.log2(Math.max(1e-6, i.exposure)));
  const spread = Math.max(...stops) - Math.min(...stops);
  if (imgs.length > 1 && spread > SHOOT_LIMITS.exposureSpreadStops)
    out.push({
      code: "SHOOT_EXPOSURE_SPREAD",
      message: `Exposure varied by ${spread.toFixed(1)} stops across the batch.`,
      tip: "Shoot in manual mode with fixed aperture, shutter speed and ISO, and keep the lights at the same distance for the whole session.",
      value: r3(spread),
    });

  // White-balance spread: range of the chromatic part of the gains (log R/G and B/G).
  const rg = imgs.map((i) => Math.log(i.whiteBalance[0] / i.whiteBalance[1]));
  const bgr = imgs.map((i) => Math.log(i.whiteBalance[2] / i.whiteBalance[1]));
  const wbSpread = Math.max(Math.max(...rg) - Math.min(...rg), Math.max(...bgr) - Math.min(...bgr));
  if (imgs.length > 1 && wbSpread > SHOOT_LIMITS.whiteBalanceSpread)
    out.push({
      code: "SHOOT_WHITE_BALANCE_SPREAD",
      message: `The light's color varied across the batch (white-balance spread ${wbSpread.toFixed(2)}).`,
      tip: "Set a fixed white balance (or shoot a grey card once) instead of auto white balance, and switch off room lights and window light.",
      value: r3(wbSpread),
    });

  const mixed = imgs.map((i) => i.mixedLighting ?? 0);
  const mixedMax = Math.max(...mixed);
  if (mixedMax > SHOOT_LIMITS.mixedLightingMax)
    out.push({
      code: "SHOOT_MIXED_LIGHTING",
      message: `Mixed light sources were detected (up to ${Math.round(mixedMax * 100)} % of the backdrop lit by a differently colored light).`,
      tip: "Use one kind of light (all daylight-balanced LEDs), block window light, and turn off warm room lamps: mixed light tints metal unevenly and no single correction can fix it.",
      value: r3(mixedMax),
    });

  const low = imgs.filter((i) => Math.min(i.width, i.height) < input.outputSize);
  if (low.length > 0)
    out.push({
      code: "SHOOT_LOW_RESOLUTION",
      // The composite is never enlarged unless the merchant turned upscaling on (compose/layout.ts).
      message: input.upscale
        ? `${low.length} photo${low.length > 1 ? "s are" : " is"} smaller than the ${input.outputSize} px output and will be enlarged to it, as your settings ask (soft detail).`
        : `${low.length} photo${low.length > 1 ? "s are" : " is"} smaller than the ${input.outputSize} px your store asks for. ${low.length > 1 ? "They are" : "It is"} delivered at ${low.length > 1 ? "their" : "its"} own resolution, padded, never enlarged, so ${low.length > 1 ? "they" : "it"} will show less detail than the other photos when zoomed.`,
      tip: `Shoot or export originals at least ${input.outputSize} px on the short side; fill more of the frame with the piece (a macro lens helps).`,
      value: low.length,
    });
  return out;
}
