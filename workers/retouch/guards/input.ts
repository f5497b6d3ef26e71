// What every guard is given. Defined apart from index.ts so guard files can import it without a cycle.
import type { Box, Image8, Plane, ProductContext } from "../types";

export interface Gains {
  /** Exposure gain on linear light (1 = unchanged). */
  exposure: number;
  /** Per-channel von Kries white-balance gains on linear R, G, B (normalised so luminance gain is 1). */
  whiteBalance: [number, number, number];
}

export interface GuardInput {
  /** The upright original photo (RGB or RGBA; alpha ignored). */
  before: Image8;
  /** The retouched result at the same geometry (the piece composited on the studio background). */
  after: Image8;
  /** The piece matte at the same geometry: 1 = piece, 0 = background. */
  alpha: Plane;
  /** Gains the engine applied to the piece; estimated from the backdrop when absent. */
  gains?: Gains;
  /** sRGB 0–255 of the original shooting surface; estimated from the photo when absent. */
  backdrop?: [number, number, number];
  product?: ProductContext;
  /** The collection's approved reference image (any size), or null. */
  reference?: Image8 | null;
  /**
   * Boxes (original pixels) the engine changed on purpose and lists as undoable edits — removed dust.
   * The finish guard does not read them: a speck is the only fine detail of a polished ring, and its
   * removal is not the finish smoothed away.
   */
  edited?: Box[];
}

export interface BatchImageSummary {
  id: string;
  exposure: number;
  whiteBalance: [number, number, number];
  /** CIELAB D65 of the result's background. */
  backgroundLab: [number, number, number];
  /** Edge sharpness of the result along the piece outline (mean L* gradient per pixel, higher = crisper). */
  edgeScore: number;
  /** Piece bounding box in the result, its share of the canvas (box area / canvas area), canvas size. */
  framing: { box: Box; fill: number; width: number; height: number };
}
