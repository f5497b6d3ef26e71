// Chooses the segmenter: ISNet (default) or, with LOUPE_ENGINE_FAST=1, the cheap backdrop-distance
// stand-in used by load tests.
import type { Image8, Plane } from "../types";
import { isnetProbability, sideFromEnv } from "./isnet";
import { fastProbability } from "./fast-mask";

export function segmenterFor(modelPath: string): (img: Image8) => Promise<Plane> {
  const side = sideFromEnv();
  if (process.env.LOUPE_ENGINE_FAST === "1") return (img) => fastProbability(img, side);
  return (img) => isnetProbability(img, modelPath, side);
}
