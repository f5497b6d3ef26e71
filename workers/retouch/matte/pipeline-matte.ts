// Stages 2–3 glued: network map → backdrop model → opaque fill → full-resolution alpha, plus the
// local colours the edge decontamination needs and the matte's own doubts (PIECE_AREA_LOST).
import type { Box, Image8, Plane, Warning } from "../types";
import { resampleBilinear } from "../pixels/plane";
import { makeWorkImage, type WorkImage } from "../pixels/work-image";
import { fitBackdrop, midGreySurface, type BackdropModel } from "../backdrop/model";
import { LARGE_RADIUS, thickParts } from "./thick-parts";
import { backgroundMean, foregroundMean, type LocalMean } from "./local-means";
import {
  alphaBox,
  forEachMapRow,
  networkAlpha,
  LIGHT_TIGHT_RAMP,
  RAMP_DEFAULTS,
  TIGHT_RAMP,
  type RampOptions,
} from "./network-alpha";
import { activeBox } from "../pixels/active-box";
import { clearedMap, surfaceOpenings, OPENING_DEFAULTS, type OpeningOptions } from "./surface-openings";
import { opaqueFill, pieceEvidence, readDarkSurface, FILL_DEFAULTS, type FillOptions } from "./opaque-fill";
import { pieceAreaLost } from "./piece-loss";
import { unsureSurface, UNSURE_DEFAULTS, type UnsureOptions } from "./unsure-surface";
import { edgeAlpha, EDGE_DEFAULTS, type EdgeOptions } from "./edge-alpha";
import { outlineFloor, softenSteps } from "./soften-steps";

export interface MatteOptions {
  ramp: RampOptions;
  /** The thick parts' outline follows the tight ramp (TIGHT_RAMP on a dark surface, LIGHT_TIGHT_RAMP elsewhere). */
  tightOutline: boolean;
  /** null: no fill (the network's map alone). */
  fill: FillOptions | null;
  /** null: the outline keeps the ramped map. */
  edge: EdgeOptions | null;
  /** Steps steeper than half the way between neighbours are softened (soften-steps.ts). */
  softenSteps: boolean;
  /** null: the openings the network filled stay as it left them (surface-openings.ts). */
  openings: OpeningOptions | null;
  /** null: on an unreadable surface the network's unsure band stays as it is (unsure-surface.ts). */
  unsure: UnsureOptions | null;
}

export const MATTE_DEFAULTS: MatteOptions = {
  ramp: RAMP_DEFAULTS,
  tightOutline: true,
  fill: FILL_DEFAULTS,
  edge: EDGE_DEFAULTS,
  softenSteps: true,
  openings: OPENING_DEFAULTS,
  unsure: UNSURE_DEFAULTS,
};

export interface MatteResult {
  alpha: Plane;
  work: WorkImage;
  probWork: Float32Array;
  backdrop: BackdropModel;
  fg: LocalMean;
  bg: LocalMean;
  /** Area given back by the fill, as a share of the network's piece. */
  filledShare: number;
  /** Share of the frame whose α the edge stage re-solved from the photo. */
  edgeShare: number;
  /** PIECE_AREA_LOST, when the matte left doubtful openings inside the piece. */
  warnings: Warning[];
  /** The network's map itself (side²), for readings of what the network alone believed. */
  prob: Plane;
  /** Full-resolution box outside which α = 0 (null: α = 0 everywhere). */
  box: Box | null;
  /** Clear pixels beside the piece the cutout raises to 1/255 (soften-steps.ts outlineFloor). */
  outlineFloor: Int32Array;
  /**
   * The surroundings the unsure-band stage cleared (unsure-surface.ts): their full-resolution box and
   * share of the frame (the α the ramp would have given them, summed); null when it cleared nothing.
   */
  surroundingsCleared: { box: Box; share: number } | null;
}

/**
 * The plane the dust search runs on: the network's bare map (upsampled, no ramp) where the matte keeps
 * the piece, i.e. min(map, α). Dust is looked for only where the network alone is sure (map ≥ 0.98,
 * the spots stage's "opaque"): the matte's ramp closes 2-px junctions (a prong against its stone)
 * whose blended surface would otherwise read as specks. Made just for the spots stage and dropped
 * after it, so it never adds to the pipeline's later peak.
 */
export function spotSearchAlpha(
  prob: Plane,
  alpha: Plane,
  /** A box outside which α = 0 (there the plane is 0 too, as allocated). */
  box: Box | null = activeBox(alpha.data, alpha.width, alpha.height),
): Float32Array {
  const { width: W, height: H, data: A } = alpha;
  const out = new Float32Array(W * H);
  if (!box) return out;
  const xb = box.x + box.w;
  forEachMapRow(
    prob,
    W,
    H,
    (row, y) => {
      const o = y * W;
      for (let x = box.x; x < xb; x++) {
        const a = A[o + x]!;
        const p = row[x]! < 0 ? 0 : row[x]! > 1 ? 1 : row[x]!;
        out[o + x] = p < a ? p : a;
      }
    },
    box,
  );
  return out;
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

/** max(a, b) per element, as a new plane. */
function raisedTo(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! > b[i]! ? a[i]! : b[i]!;
  return out;
}

export async function buildMatte(
  img: Image8,
  prob: Plane,
  opts: MatteOptions = MATTE_DEFAULTS,
  resized?: (w: number, h: number, kernel: "cubic") => Promise<Buffer>,
  /** The work image when the caller already started it (the pipeline does, during segmentation). */
  workImage?: Promise<WorkImage>,
): Promise<MatteResult> {
  const work = await (workImage ?? makeWorkImage(img, undefined, resized));
  const network = prob;
  const probWork = resampleBilinear(prob, work.width, work.height).data;
  const backdrop = fitBackdrop(img, prob, probabilityCentre(prob));
  const evidence = opts.fill || opts.openings ? pieceEvidence(work, backdrop, opts.fill ?? undefined, probWork) : null;
  // Openings the network filled are cleared on its map, as if it had left them open: the fill, the
  // ramp and the edge stage then treat them as any opening. So are, on a surface the model cannot
  // read, the surroundings the network half kept (unsure-surface.ts).
  const clear = (mask: Uint8Array) => {
    for (let i = 0; i < probWork.length; i++) if (mask[i]) probWork[i] = 0;
    prob = clearedMap(prob, mask, work.width, work.height);
  };
  const openings = opts.openings ? surfaceOpenings(work, probWork, backdrop, evidence!, opts.openings) : null;
  if (openings) clear(openings);
  const unsure = opts.unsure ? unsureSurface(work, probWork, backdrop, opts.ramp, opts.unsure) : null;
  if (unsure) clear(unsure.mask);
  const fill = opts.fill ? opaqueFill(work, probWork, backdrop, opts.fill, evidence!) : null;
  // The full-resolution passes run on the box where α can be non-zero (0 stays 0 through the edge stage).
  const box = alphaBox(prob, img.width, img.height, opts.ramp, fill?.fill);
  const dark = readDarkSurface(backdrop, opts.fill ?? undefined);
  const thick = opts.tightOutline ? thickParts(prob) : null;
  // The broad parts' outline on a mid-grey surface goes further in (LARGE_RADIUS, network-alpha.ts).
  const broad =
    thick && !dark && midGreySurface(backdrop) ? { weight: thickParts(prob, LARGE_RADIUS), ramp: TIGHT_RAMP } : null;
  const tight = thick ? { weight: thick, ramp: dark ? TIGHT_RAMP : LIGHT_TIGHT_RAMP, broad } : null;
  const alpha = networkAlpha(prob, img.width, img.height, opts.ramp, fill?.fill, box, tight);
  // On a dark surface the local piece and surface colours read the fill as piece too: there it gives
  // back whole parts the network dropped (a shank, half a chain), and the edge stage needs their own
  // colour (chain_daychuyen1 on black: bleed 0.130 → 0.023). On a light surface the fill gives back
  // white stones and highlights inside the piece, not the outline's colour: read that way, the ball
  // chain chain_daychuyen1 on sweep and grey lost 0.012–0.019 IoU.
  const pieceWork = fill && dark ? raisedTo(probWork, fill.fill.data) : probWork;
  const fg = foregroundMean(work, pieceWork);
  const bg = backgroundMean(work, pieceWork);
  const edgeShare = opts.edge ? edgeAlpha(img, alpha, work, backdrop, fg, bg, opts.edge, box) : 0;
  if (opts.softenSteps) softenSteps(alpha, box);
  const floor = opts.softenSteps ? outlineFloor(alpha, box) : new Int32Array(0);
  const warnings = fill
    ? pieceAreaLost(fill.openHoles, fill.coreArea, work, {
        probWork,
        readable: backdrop.trust >= opts.fill!.minTrust,
      })
    : [];
  return {
    alpha,
    work,
    probWork,
    backdrop,
    fg,
    bg,
    filledShare: fill?.filledShare ?? 0,
    edgeShare,
    warnings,
    prob: network,
    box,
    outlineFloor: floor,
    surroundingsCleared: unsure && { box: unsure.box, share: unsure.share },
  };
}
