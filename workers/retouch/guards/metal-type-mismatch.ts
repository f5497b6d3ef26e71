// METAL_TYPE_MISMATCH: the metal family the result shows against the one the product names. A
// "14k Rose Gold" ring that looks yellow in its photo is a return waiting to happen, whoever caused
// it (the retouch or the original lighting), so this checks the result itself.
import type { Warning } from "../types";
import { regionOfMask, warning, type GuardContext } from "./context";
import { meanLinear } from "./means";
import { familiesOfProduct, familyOfLab, type MetalFamily } from "./metal-family";
import { count } from "./masks";
import { usableMetal } from "./metal-tone-shift";
import { linearRgbToLab } from "../color";

const NAMES: Record<MetalFamily, string> = {
  yellow: "yellow gold",
  rose: "rose gold",
  white: "white metal (white gold, platinum or silver)",
};

export function metalTypeMismatch(ctx: GuardContext): Warning[] {
  const claimed = familiesOfProduct(ctx.input.product);
  if (claimed.size === 0) return [];
  const mask = usableMetal(ctx);
  if (count(mask) < Math.max(40, 0.02 * ctx.regions.pieceCount)) return [];
  const m = meanLinear(ctx.work.afterLin, mask).rgb;
  const lab = linearRgbToLab(m[0], m[1], m[2]);
  const seen = familyOfLab(lab, ctx.t);
  if (!seen || claimed.has(seen)) return [];
  // Did the retouch cause it? If the original (with the same gains) already reads the same way the
  // photo's lighting did, which is worth a note; a retouch that moved the metal family is a warning.
  const e = meanLinear(ctx.work.expectedLin, mask).rgb;
  const before = familyOfLab(linearRgbToLab(e[0], e[1], e[2]), ctx.t);
  const byRetouch = before !== seen;
  const claimedNames = [...claimed].map((f) => NAMES[f]).join(" or ");
  const chroma = Math.hypot(lab[1], lab[2]);
  return [
    warning(
      "METAL_TYPE_MISMATCH",
      byRetouch ? "warning" : "note",
      `The metal in the ${byRetouch ? "retouched " : ""}photo reads as ${NAMES[seen]}, but the product says ${claimedNames}` +
        (byRetouch ? "." : " (the original photo already looks this way: check the lighting).") +
        " Buyers pick the metal from the photo; a mismatch leads to returns.",
      chroma,
      ctx.t.metalWhiteChromaMax!,
      regionOfMask(ctx, mask),
    ),
  ];
}
