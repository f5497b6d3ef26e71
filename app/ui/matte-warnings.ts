// Warnings about the cutout itself (what was kept or lost at the piece's edge): with one of these the
// review page opens with the cutout-edge overlay on, so a lost stone or a kept prop is seen at once.
import type { Warning } from "./types";

export const MATTE_CODES: readonly string[] = [
  "PIECE_AREA_LOST",
  "CUTOUT_UNCERTAIN",
  "PROP_KEPT",
  "HALO",
  "EDGE_SOFT",
  "NO_PIECE",
];

export function concernsMatte(warnings: readonly Pick<Warning, "code">[]): boolean {
  return warnings.some((w) => MATTE_CODES.includes(w.code));
}
