// Plain-words titles for the guards' warning codes (the guard's own message carries the details).
import type { Warning } from "../../workers/retouch/contract";

const TITLES: Record<string, string> = {
  METAL_TONE_SHIFT: "Metal color changed",
  METAL_TYPE_MISMATCH: "Metal doesn't match the product",
  GEM_COLOR_SHIFT: "Gemstone color changed",
  SPARKLE_LOST: "Sparkle lost",
  SPARKLE_ADDED: "Sparkle added",
  HALO: "Halo around the edge",
  EDGE_SOFT: "Soft prong or bezel edges",
  TEXTURE_LOST: "Texture smoothed away",
  SHADOW_CAST: "Colored shadow",
  REFERENCE_MISMATCH: "Differs from the collection's reference",
  EXPOSURE_DRIFT: "Brightness differs from the batch",
  BACKGROUND_VARIATION: "Background differs from the batch",
  EDGE_OUTLIER: "Edges weaker than the rest of the batch",
  FRAMING: "Framed differently from the batch",
  CUTOUT_UNCERTAIN: "Cutout may include more than the piece",
  PIECE_AREA_LOST: "Part of the piece is missing",
  PROP_KEPT: "Something besides the piece was kept",
  NO_PIECE: "Piece not found",
};

export function warningTitle(code: string): string {
  if (TITLES[code]) return TITLES[code];
  const words = code
    .toLowerCase()
    .replace(/^shoot_/, "photo: ")
    .replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Codes whose value is a CIEDE2000 color difference. */
export function isColorWarning(w: Warning): boolean {
  return /TONE|COLOR|REFERENCE|SHADOW|BACKGROUND/.test(w.code);
}

export function warningCodes(warnings: Warning[]): string[] {
  return [...new Set(warnings.map((w) => w.code))].sort();
}
