// Chooses the segmenter: ISNet (default) or, with LOUPE_ENGINE_FAST=1, the cheap backdrop-distance
// stand-in used by load tests.
import type { Image8, Plane } from "../types";
import { isnetProbability, sideFromEnv } from "./isnet";
import { fastProbability } from "./fast-mask";

export type Resized = (w: number, h: number, kernel: "lanczos3" | "cubic") => Promise<Buffer>;
export type Segmenter = (img: Image8, resized?: Resized) => Promise<Plane>;

export function segmenterFor(modelPath: string): Segmenter {
  const side = sideFromEnv();
  if (process.env.LOUPE_ENGINE_FAST === "1") return (img) => fastProbability(img, side);
  return (img, resized) => isnetProbability(img, modelPath, side, resized);
}
