// Chooses the segmenter: ISNet (default) or, with LOUPE_ENGINE_FAST=1, the cheap backdrop-distance
// stand-in used by load tests.
import path from "node:path";
import type { Image8, Plane } from "../types";
import { graphName, isnetProbability, sideFromEnv } from "./isnet";
import { fastProbability } from "./fast-mask";

export type Resized = (w: number, h: number, kernel: "lanczos3" | "cubic") => Promise<Buffer>;
/** A segmenter; `id` names it in every report it makes a matte for (a measurement says what ran). */
export type Segmenter = ((img: Image8, resized?: Resized) => Promise<Plane>) & { readonly id?: string };

export function segmenterFor(modelPath: string): Segmenter {
  const side = sideFromEnv();
  if (process.env.LOUPE_ENGINE_FAST === "1")
    return Object.assign((img: Image8) => fastProbability(img, side), {
      id: `fast-mask ${side}px (LOUPE_ENGINE_FAST=1)`,
    });
  return Object.assign((img: Image8, resized?: Resized) => isnetProbability(img, modelPath, side, resized), {
    id: `isnet ${path.basename(modelPath)} ${side}px ${graphName(modelPath)}`,
  });
}
