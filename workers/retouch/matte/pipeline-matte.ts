// Stages 2–3 glued: network map → backdrop model → local foreground colour → refined matte.
import type { Image8, Plane } from "../types";
import { resampleBilinear } from "../pixels/plane";
import { makeWorkImage, type WorkImage } from "../pixels/work-image";
import { fitBackdrop, type BackdropModel } from "../backdrop/model";
import { backgroundMean, foregroundMean, type LocalMean } from "./local-means";
import { refineMatte, REFINE_DEFAULTS, type RefineOptions, type RefinedMatte } from "./refine";

export interface MatteResult extends RefinedMatte {
  work: WorkImage;
  probWork: Float32Array;
  backdrop: BackdropModel;
  fg: LocalMean;
  bg: LocalMean;
}

/** Centre of mass of the probability map in [0, 1]² (where the piece sits on the surface). */
export function probabilityCentre(p: Plane): [number, number] {
  let sx = 0;
  let sy = 0;
  let s = 0;
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++) {
      const v = p.data[y * p.width + x]!;
      sx += v * x;
      sy += v * y;
      s += v;
    }
  return s > 0 ? [(sx / s + 0.5) / p.width, (sy / s + 0.5) / p.height] : [0.5, 0.5];
}

export async function buildMatte(
  img: Image8,
  prob: Plane,
  opts: RefineOptions = REFINE_DEFAULTS,
  resized?: (w: number, h: number, kernel: "cubic") => Promise<Buffer>,
  /** The work image when the caller already started it (the pipeline does, during segmentation). */
  workImage?: Promise<WorkImage>,
): Promise<MatteResult> {
  const work = await (workImage ?? makeWorkImage(img, undefined, resized));
  const probWork = resampleBilinear(prob, work.width, work.height).data;
  const backdrop = fitBackdrop(img, prob, probabilityCentre(prob));
  const fg = foregroundMean(work, probWork);
  const bg = backgroundMean(work, probWork);
  const refined = refineMatte(img, work, probWork, backdrop, fg, bg, opts);
  return { ...refined, work, probWork, backdrop, fg, bg };
}
