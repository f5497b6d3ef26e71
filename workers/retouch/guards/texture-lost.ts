// TEXTURE_LOST: over-smoothed brushed, hammered or granulated surfaces. SSIM on L* (11×11 Gaussian
// window, σ 1.5, Wang et al. 2004 constants for L* in 0–100) and the ratio of high-frequency energy
// (L* minus its σ 1.5 blur), inside the piece's textured areas, result against expected. The window
// statistics are weighted by the matte (normalised convolution) so that a window reaching past the
// outline does not compare the old backdrop with the new one.
import type { Warning } from "../types";
import { regionOfMask, round, warning, type GuardContext } from "./context";
import { windowSums } from "./ssim-windows";
import { count, maskBox } from "./masks";

const C1 = (0.01 * 100) ** 2;
const C2 = (0.03 * 100) ** 2;

export function textureMeasures(ctx: GuardContext): { ssim: number; hfKept: number; mask: Uint8Array } | null {
  const { w, h, expectedL: x, afterL: y, alpha } = ctx.work;
  // Small or smooth pieces have little "textured" area: then their whole non-specular interior is
  // the detail to keep.
  let mask = ctx.regions.textured;
  let n = count(mask);
  if (n < Math.max(100, ctx.t.textureMinFraction! * ctx.regions.pieceCount)) {
    mask = new Uint8Array(mask.length);
    for (let i = 0; i < mask.length; i++) mask[i] = ctx.regions.inner[i]! && !ctx.regions.specular[i] ? 1 : 0;
    n = count(mask);
    if (n < 100) return null;
  }
  const b = maskBox(mask, w, h)!;
  const sums = windowSums(x, y, alpha, w, h, b, mask);
  let ssim = 0;
  let hx = 0;
  let hy = 0;
  for (let i = 0, j = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const gm = sums[j++]!;
    const g = gm > 1e-3 ? 1 / gm : 0;
    const ux = sums[j++]! * g;
    const uy = sums[j++]! * g;
    const vx = sums[j++]! * g - ux * ux;
    const vy = sums[j++]! * g - uy * uy;
    const cxy = sums[j++]! * g - ux * uy;
    ssim += ((2 * ux * uy + C1) * (2 * cxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
    const dx = x[i]! - ux;
    const dy = y[i]! - uy;
    hx += dx * dx;
    hy += dy * dy;
  }
  return { ssim: ssim / n, hfKept: hx > 0 ? hy / hx : 1, mask };
}

export function textureLost(ctx: GuardContext): Warning[] {
  const m = textureMeasures(ctx);
  if (!m) return [];
  const t = ctx.t;
  const lowSsim = m.ssim < t.textureSsimWarn!;
  const lowHf = m.hfKept < t.textureHfKeptWarn!;
  if (!lowSsim && !lowHf) return [];
  return [
    warning(
      "TEXTURE_LOST",
      lowSsim && lowHf ? "warning" : "note",
      `The surface texture (brushing, hammering, granulation) is smoothed: structural similarity ${round(m.ssim, 2)}, ${round(m.hfKept * 100, 0)} % of the fine detail kept. ` +
        "Texture is part of the design and the handwork buyers pay for; a smoothed surface looks plastic.",
      m.hfKept,
      t.textureHfKeptWarn!,
      regionOfMask(ctx, m.mask),
    ),
  ];
}
