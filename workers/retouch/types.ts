// Types shared by the engine's stages, its guards, and its callers (the worker, the CLIs).
// Pure data: no Shopify, no database.

/** Interleaved 8-bit image in sRGB. channels 3 = RGB, 4 = RGBA (straight, non-premultiplied alpha). */
export interface Image8 {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
}

/** Single-channel float plane (alpha, luminance, probability), row-major, values usually in [0, 1]. */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/** A box in the pixel coordinates of the upright input: x, y, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a warning or an edit applies, drawable by the UI over the before/after images. */
export type Region = { kind: "box"; box: Box } | { kind: "boxes"; boxes: Box[] } | { kind: "image" };

export type Severity = "note" | "warning";

/** One guard's finding. `message` is written for a merchant: what, where, why it matters. */
export interface Warning {
  code: string;
  severity: Severity;
  message: string;
  value: number;
  threshold: number;
  region: Region;
  /** What `value` and `threshold` measure, in a reader's words ("ΔE00", "hue turn (°)"): the measure that fired. */
  measure?: string;
}

/** What the product says about itself, for METAL_TYPE_MISMATCH. */
export interface ProductContext {
  title?: string;
  tags?: string[];
  options?: string[];
}
