// What the caller chooses. Defaults give a white-background square JPEG at up to 2048 px (smaller when
// the photo has fewer pixels: nothing is enlarged unless `upscale` is set).
import type { ProductContext } from "./types";
import { RetouchInputError } from "./errors";
import type { EditList } from "./edits/types";

/** A batch's shared exposure/white-balance target: what every backdrop in it should become. */
export interface BatchTarget {
  /** Linear RGB the shooting surface is mapped to (before the background is replaced). */
  backdropLinear: [number, number, number];
}

export interface RetouchSettings {
  background: string;
  size: number;
  marginPct: number;
  shadow: "soft" | "none";
  /** Darkness of the soft shadow where the piece touches the surface, 0..1. */
  shadowStrength: number;
  /**
   * Enlarge the piece to fill `size` when its photo has fewer pixels. Off by default: the canvas is
   * then smaller than `size` rather than blurred.
   */
  upscale: boolean;
  format: "jpg" | "png" | "webp" | "tiff" | "psd";
  target?: BatchTarget;
  disabledSpots?: number[];
  guardThresholds?: Record<string, number>;
  product?: ProductContext;
  reference?: Uint8Array | null;
  /** The merchant's brush strokes and colour pass (workers/retouch/edits). */
  edits?: EditList;
}

export const DEFAULT_SETTINGS: RetouchSettings = {
  background: "#ffffff",
  size: 2048,
  marginPct: 0.08,
  shadow: "none",
  shadowStrength: 0.5,
  upscale: false,
  format: "jpg",
};

const FORMATS = new Set(["jpg", "png", "webp", "tiff", "psd"]);

/** Background as 8-bit RGBA; "transparent" or #rrggbbaa give alpha for PNG/WebP/TIFF output. */
export function parseBackground(s: string): [number, number, number, number] {
  if (s === "transparent") return [255, 255, 255, 0];
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(s.trim());
  if (!m) throw new RetouchInputError("BAD_SETTINGS", `The background "${s}" is not a color. Use a hex color like #ffffff.`);
  let h = m[1]!;
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  const v = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return [v(0), v(2), v(4), h.length === 8 ? v(6) : 255];
}

export function resolveSettings(partial?: Partial<RetouchSettings>): RetouchSettings {
  const s: RetouchSettings = { ...DEFAULT_SETTINGS, ...(partial ?? {}) };
  parseBackground(s.background);
  if (!Number.isInteger(s.size) || s.size < 64 || s.size > 8192)
    throw new RetouchInputError("BAD_SETTINGS", `The output size ${s.size} is out of range. Choose a size between 64 and 8192 pixels.`);
  if (!(s.marginPct >= 0 && s.marginPct < 0.45))
    throw new RetouchInputError("BAD_SETTINGS", `The margin ${s.marginPct} is out of range. Choose a margin between 0 and 0.45.`);
  if (!FORMATS.has(s.format))
    throw new RetouchInputError("BAD_SETTINGS", `The format "${s.format}" is not supported. Choose jpg, png, webp, tiff or psd.`);
  if (s.shadow !== "soft" && s.shadow !== "none")
    throw new RetouchInputError("BAD_SETTINGS", `The shadow "${s.shadow}" is not supported. Choose soft or none.`);
  if (!(s.shadowStrength >= 0 && s.shadowStrength <= 1))
    throw new RetouchInputError("BAD_SETTINGS", `The shadow strength ${s.shadowStrength} is out of range. Choose a strength between 0 and 1.`);
  if (typeof s.upscale !== "boolean") throw new RetouchInputError("BAD_SETTINGS", "Upscaling is either on (true) or off (false).");
  return s;
}
