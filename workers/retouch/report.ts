// What the engine hands back: images plus a report of everything it measured and changed.
import type { Box, Warning } from "./types";
import type { BatchImageSummary } from "./guards/input";
import type { ColorPass } from "./edits/types";

export interface SpotEdit {
  id: number;
  box: Box;
  area: number;
  reason: "dust" | "speck" | "lint" | "smudge";
  /** 0..1: how far the spot stands out of its surroundings' texture (the report lists the highest first). */
  confidence?: number;
  /**
   * Set when the engine held the spot back (a suggestion, not applied unless the merchant turns it
   * on): "pattern" — the piece around it is uneven or another material (beads, stones, edges);
   * "shading" — it has the metal's own colour (a pit or an engraving).
   */
  held?: "pattern" | "shading";
  /** Not painted on this render: an applied spot the merchant undid, or a suggestion left off. */
  disabled?: boolean;
}

export interface ImageReport {
  input: { width: number; height: number; format: string; notes: string[] };
  /**
   * The segmenter that made the matte (segment/segmenter.ts), e.g. "isnet isnet-fp16.onnx 1024px" or
   * "fast-mask 1024px (LOUPE_ENGINE_FAST=1)"; absent in reports made before it was recorded.
   */
  segmenter?: string;
  timings: Record<string, number>;
  gains: { exposure: number; whiteBalance: [number, number, number] };
  backdrop: {
    color: [number, number, number];
    uniformity: number;
    kind: string;
    /** Whether exposure and white balance were read from the surface (false: left as shot, `why` says why). */
    neutral?: boolean;
    why?: string;
  };
  edits: SpotEdit[];
  /** The merchant's manual edits this result carries (absent on an automatic result). */
  manual?: { strokes: number; pixelsTouched: number; color: ColorPass | null };
  /** What the batch guards compare across a batch (guards/summarize.ts); absent in older reports. */
  batch?: Omit<BatchImageSummary, "id">;
  measurements: Record<string, number>;
  warnings: Warning[];
  framing: {
    box: Box;
    fill: number;
    /** Canvas side delivered, the store's size asked for, and the side the piece's pixels support. */
    size?: number;
    requested?: number;
    supported?: number;
    /** Output px per source px. */
    scale?: number;
    /** Sides where the photo cut the piece, kept cut on the canvas. */
    cut?: string[];
    /** Where `box` landed on the canvas (canvas px): the review page maps the composite back with it. */
    placed?: Box;
    /** Set when the photo is too small for the requested size. */
    note?: string;
  };
}

export interface RetouchOutput {
  /** RGBA PNG, same size and orientation as the upright input, straight alpha. */
  cutoutPng: Buffer;
  composite: Buffer;
  compositeMime: string;
  compositeExt: string;
  /** JPEG, longest side ≤ 400 px. */
  thumbnail: Buffer;
  width: number;
  height: number;
  report: ImageReport;
}
