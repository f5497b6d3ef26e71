// PIECE_AREA_LOST (check CLI side; the engine raises the same code from its matte stage): part of
// the piece made transparent or erased. The original says piece — unlike its shooting surface, not a
// darker version of it (a shadow), and unlike the studio colour (a white glint on a grey card is no
// evidence) — while the result shows its studio background there. Read only on a plain surface, where
// everything that is not surface or shadow is the piece; on a busy one a removed prop looks the same.
import { deltaE2000 } from "../color";
import type { Box, Warning } from "../types";
import { labelComponents } from "./components";
import { round, warning } from "./context";
import type { SurfaceDistances } from "./matte-estimate";
import type { Thresholds } from "./thresholds";

/** Result this close to its studio colour (ΔE00) shows background. */
const STUDIO_DE = 4;
/** The original this far from the studio colour (ΔE00) cannot pass for it. */
const UNLIKE_STUDIO_DE = 10;

export function erasedShare(d: SurfaceDistances): { share: number; erased: Uint8Array; piece: number } {
  const { w, h, dB, dA, labB, studioLab: S, surfaceLab: B, tolB } = d;
  const piece = new Uint8Array(w * h);
  const erased = new Uint8Array(w * h);
  for (let i = 0; i < piece.length; i++) {
    if (dB[i]! <= tolB || shadowLike(labB, i * 3, B)) continue;
    piece[i] = 1;
    if (dA[i]! > STUDIO_DE) continue;
    if (deltaE2000(labB[i * 3]!, labB[i * 3 + 1]!, labB[i * 3 + 2]!, S[0], S[1], S[2]) <= UNLIKE_STUDIO_DE) continue;
    erased[i] = 1;
  }
  // Opening (5×5): a matte or a registration a pixel or two off along the outline is no erased part.
  const core = erode2(erased, w, h);
  const open = new Uint8Array(w * h);
  let n = 0;
  let np = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      np += piece[i]!;
      if (!erased[i]) continue;
      let hit = 0;
      for (let yy = Math.max(0, y - 2); yy <= Math.min(h - 1, y + 2) && !hit; yy++) for (let xx = Math.max(0, x - 2); xx <= Math.min(w - 1, x + 2); xx++) if (core[yy * w + xx]) { hit = 1; break; }
      if (hit) {
        open[i] = 1;
        n++;
      }
    }
  return { share: np ? n / np : 0, erased: open, piece: np };
}

/** 1 where the whole 5×5 square around a pixel is set. */
function erode2(m: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 2; y < h - 2; y++)
    for (let x = 2; x < w - 2; x++) {
      let all = 1;
      for (let yy = -2; yy <= 2 && all; yy++) for (let xx = -2; xx <= 2; xx++) if (!m[(y + yy) * w + x + xx]) { all = 0; break; }
      out[y * w + x] = all;
    }
  return out;
}

/** A darker version of the surface colour: the same chromaticity scaled with lightness. */
function shadowLike(lab: Float32Array, o: number, B: [number, number, number]): boolean {
  const L = lab[o]!;
  if (L >= B[0] - 2) return false;
  const k = Math.max(0, L) / Math.max(1, B[0]);
  return Math.hypot(lab[o + 1]! - B[1] * k, lab[o + 2]! - B[2] * k) < SHADOW_CHROMA_DE;
}

/** How far (a*b*) a shadow's colour may be from the surface's, scaled to its lightness. */
const SHADOW_CHROMA_DE = 5;

export function pieceAreaLost(d: SurfaceDistances, t: Thresholds): Warning[] {
  if (d.tolB > t.pieceLostMaxSurfaceTol!) return [];
  const r = erasedShare(d);
  if (r.piece < 50 || r.share < t.pieceLostNote!) return [];
  const sev = r.share >= t.pieceLostWarn! ? "warning" : "note";
  const comps = labelComponents(r.erased, d.w, d.h, 4).comps.sort((a, b) => b.area - a.area).slice(0, 12);
  const boxes: Box[] = comps.map((c) => ({ x: c.box.x * d.s, y: c.box.y * d.s, w: c.box.w * d.s, h: c.box.h * d.s }));
  return [
    warning(
      "PIECE_AREA_LOST",
      sev,
      `Part of the piece is missing from the result: ${round(r.share * 100, 1)} % of what the original shows as the piece is background in the result. ` +
        "A cut-out that erases a chain, a prong or a stone's edge sells a different piece; compare the outlines.",
      r.share,
      sev === "warning" ? t.pieceLostWarn! : t.pieceLostNote!,
      boxes.length ? { kind: "boxes", boxes } : { kind: "image" },
      "share of the piece missing",
    ),
  ];
}
