// TEXTURE_LOST: over-smoothed brushed, hammered or granulated surfaces. SSIM on L* (11×11 Gaussian
// window, σ 1.5, Wang et al. 2004 constants for L* in 0–100) and the ratio of high-frequency energy
// (L* minus its σ 1.5 blur), inside the piece's textured areas, result against expected. The window
// statistics are weighted by the matte (normalised convolution) so that a window reaching past the
// outline does not compare the old backdrop with the new one.
import type { Warning } from "../types";
import { regionOfMask, round, warning, type GuardContext } from "./context";
import { windowSums } from "./ssim-windows";
import { count, maskBox } from "./masks";
import { dilate } from "../pixels/mask";

const C1 = (0.01 * 100) ** 2;
const C2 = (0.03 * 100) ** 2;

export interface TextureMeasures {
  ssim: number;
  hfKept: number;
  /** Share of the strongly textured tiles (by their original detail energy) that kept under tileHfKept of it. */
  tilesLost: number;
  /** How many strongly textured tiles were read. */
  tiles: number;
  mask: Uint8Array;
}

/** Tile side in working pixels: texture loss is local (a smoothing brush, a bezel rubbed flat). */
const TILE = 12;
const HF_CAP = 100;

/** Clears the engine's own listed edits (grown by the SSIM window's reach) from `mask`; returns how many were set. */
function clearEdited(ctx: GuardContext, mask: Uint8Array): number {
  const { w, h, scale: s, ox, oy } = ctx.work;
  let cleared = 0;
  for (const b of ctx.input.edited ?? []) {
    const x0 = Math.max(0, Math.floor((b.x - ox) / s) - 6);
    const y0 = Math.max(0, Math.floor((b.y - oy) / s) - 6);
    const x1 = Math.min(w, Math.ceil((b.x + b.w - ox) / s) + 6);
    const y1 = Math.min(h, Math.ceil((b.y + b.h - oy) / s) + 6);
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++)
        if (mask[y * w + x]) {
          mask[y * w + x] = 0;
          cleared++;
        }
  }
  return cleared;
}

export function textureMeasures(ctx: GuardContext): TextureMeasures | null {
  const { w, h, expectedL: x, afterL: y, alpha } = ctx.work;
  // Small or smooth pieces have little "textured" area: then their whole non-specular interior is
  // the detail to keep.
  // Finish is the metal's: a stone's facets are not texture, and a dark stone's sensor noise (which an
  // honest denoise removes) stands above the metal's noise floor.
  const gem = dilate(ctx.regions.gem, w, h, 1);
  let mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = ctx.regions.textured[i]! && !gem[i] ? 1 : 0;
  let n = count(mask);
  if (n < Math.max(100, ctx.t.textureMinFraction! * ctx.regions.pieceCount)) {
    mask = new Uint8Array(mask.length);
    for (let i = 0; i < mask.length; i++)
      mask[i] = ctx.regions.inner[i]! && !ctx.regions.specular[i] && !gem[i] ? 1 : 0;
    n = count(mask);
    if (n < 100) return null;
  }
  n -= clearEdited(ctx, mask);
  if (n < 100) return null;
  const b = maskBox(mask, w, h)!;
  const sums = windowSums(x, y, alpha, w, h, b, mask);
  const tw = Math.ceil(w / TILE);
  const tileX = new Float64Array(tw * Math.ceil(h / TILE));
  const tileY = new Float64Array(tileX.length);
  const tileN = new Int32Array(tileX.length);
  // Tiles read texture only: a glint's flanks are its steepest detail, and an honest denoise softens them.
  const nearSpec = dilate(ctx.regions.specular, w, h, 3);
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
    if (nearSpec[i]) continue;
    const px = i % w;
    const tile = (((i - px) / w / TILE) | 0) * tw + ((px / TILE) | 0);
    // Capped (σ 10 L*): a removed dust speck or glint is not texture, and must not outweigh it.
    tileX[tile] += Math.min(HF_CAP, dx * dx);
    tileY[tile] += Math.min(HF_CAP, dy * dy);
    tileN[tile]++;
  }
  const t = ctx.t;
  // Sensor noise is detail too, and an honest denoise removes it: each image's noise floor (the
  // quietest tiles' energy) is taken off before texture is compared.
  const nfX = noiseFloor(tileX, tileN);
  const nfY = noiseFloor(tileY, tileN);
  let strong = 0;
  let lost = 0;
  let tiles = 0;
  for (let k = 0; k < tileX.length; k++) {
    if (tileN[k]! < 0.3 * TILE * TILE) continue;
    const ex = tileX[k]! / tileN[k]! - nfX;
    // Detail well above sensor noise: what an honest denoise leaves alone.
    if (ex < t.textureTileEnergyMin!) continue;
    tiles++;
    strong += ex;
    if (tileY[k]! / tileN[k]! - nfY < t.textureTileHfKept! * ex) lost += ex;
  }
  const eX = Math.max(0, hx / n - nfX);
  const eY = Math.max(0, hy / n - nfY);
  return {
    ssim: ssim / n,
    hfKept: eX > t.textureTileEnergyMin! / 4 ? eY / eX : 1,
    tilesLost: strong > 0 ? lost / strong : 0,
    tiles,
    mask,
  };
}

/** Energy per pixel of the quietest tenth of the tiles (0 with fewer than 10 tiles). */
function noiseFloor(e: Float64Array, n: Int32Array): number {
  const v: number[] = [];
  for (let k = 0; k < e.length; k++) if (n[k]! >= 0.3 * TILE * TILE) v.push(e[k]! / n[k]!);
  if (v.length < 10) return 0;
  v.sort((a, b) => a - b);
  return v[Math.floor(0.1 * v.length)]!;
}

export function textureLost(ctx: GuardContext): Warning[] {
  const m = textureMeasures(ctx);
  if (!m) return [];
  const t = ctx.t;
  const region = regionOfMask(ctx, m.mask);
  const why = "Texture is part of the design and the handwork buyers pay for; a smoothed surface looks plastic.";
  // Each warning carries the measure that fired, with its own limit.
  if (m.tiles >= t.textureMinTiles! && m.tilesLost >= t.textureTilesLostWarn!)
    return [
      warning(
        "TEXTURE_LOST",
        "warning",
        `The surface texture (brushing, hammering, granulation) is smoothed in places: ${round(m.tilesLost * 100, 0)} % of the textured areas kept under ${round(t.textureTileHfKept! * 100, 0)} % of their fine detail. ${why}`,
        m.tilesLost,
        t.textureTilesLostWarn!,
        region,
        "share of textured areas smoothed",
      ),
    ];
  const lowSsim = m.ssim < t.textureSsimWarn!;
  const lowHf = m.hfKept < t.textureHfKeptWarn!;
  if (!lowSsim && !lowHf) return [];
  const text = `The surface texture (brushing, hammering, granulation) is smoothed: structural similarity ${round(m.ssim, 2)}, ${round(m.hfKept * 100, 0)} % of the fine detail kept. ${why}`;
  if (lowHf)
    return [
      warning(
        "TEXTURE_LOST",
        lowSsim ? "warning" : "note",
        text,
        m.hfKept,
        t.textureHfKeptWarn!,
        region,
        "fine detail kept",
      ),
    ];
  return [warning("TEXTURE_LOST", "note", text, m.ssim, t.textureSsimWarn!, region, "structural similarity (SSIM)")];
}
