// The review page's color math: the engine's verified kernel (workers/retouch/color, through its contract, tested against
// the Sharma 2005 pairs and culori) in the small shapes the swatches use, plus plain words for ΔE00.
import { deltaE2000, linearRgbToLab, srgbToLinear } from "../../workers/retouch/contract";

export type Lab = [number, number, number];

/** 8-bit sRGB to CIELAB (D65). */
export function srgbToLab(r: number, g: number, b: number): Lab {
  return linearRgbToLab(srgbToLinear(r / 255), srgbToLinear(g / 255), srgbToLinear(b / 255));
}

export function deltaE00(l1: Lab, l2: Lab): number {
  return deltaE2000(l1[0], l1[1], l1[2], l2[0], l2[1], l2[2]);
}

/** What a ΔE00 difference means to a shopper looking at the photo. */
export function deltaEWords(de: number): string {
  if (de < 1) return "No visible difference.";
  if (de < 2) return "Barely visible, only side by side to a trained eye.";
  if (de < 3.5) return "Visible side by side; a shopper comparing with the real piece may notice.";
  if (de < 6) return "Clearly visible: the color reads differently.";
  return "A different color: the photo no longer matches the piece.";
}
