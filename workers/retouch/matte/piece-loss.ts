// PIECE_AREA_LOST — the matte left transparent something that is probably part of the piece: an
// enclosed opening of the cutout (inside the piece's outline) that does not look like the shooting
// surface, or that the network itself half believed to be piece. A real opening (a ring's inside, a
// chain link) shows the plain surface; a dropped stone or pearl shows facets, sparkle or another
// colour. The fill in opaque-fill.ts already gave back the clear cases; what remains here is the
// doubtful rest, which the merchant must see before it goes live.
import type { Box, Warning } from "../types";
import type { OpenHole } from "./opaque-fill";

/**
 * A hole counts when the network's mean value there is this high. Calibrated on the dev set's open
 * holes (../shared/data/cutout-dev, sweep/grey/white): real openings (truth ≤ 0.16) had a mean map
 * value ≤ 0.13 (but up to 0.42 between one bracelet's links); dropped parts (truth ≥ 0.6) had
 * 0.18–0.42. The colour evidence does not separate them (real openings up to 0.344 of evidence,
 * dropped parts 0–0.28), so it only decides the fill (opaque-fill.ts), not this warning.
 */
export const LOST_PROB = 0.2;
/** …and it is at least this share of the piece's area (tiny gaps between links don't count)… */
export const LOST_MIN_SHARE = 0.002;
/**
 * …and the holes that count add up to this share of the piece. On the 52 real photos
 * (../shared/photos) a 0.2 % total flagged 15, among them chains whose links let the network hesitate
 * (0.3–1 % of the piece); from 1 %, 10 remain, led by tamar_earring_0162's lost pearl (15 %).
 */
export const LOST_TOTAL_SHARE = 0.01;

export function pieceAreaLost(holes: OpenHole[], coreArea: number, workToFull: { sx: number; sy: number }): Warning[] {
  const lost = holes.filter((h) => h.prob >= LOST_PROB && h.area >= LOST_MIN_SHARE * coreArea);
  const area = lost.reduce((s, h) => s + h.area, 0);
  const share = area / Math.max(1, coreArea);
  if (!lost.length || share < LOST_TOTAL_SHARE) return [];
  const boxes: Box[] = lost.map((h) => ({
    x: Math.floor(h.box.x * workToFull.sx),
    y: Math.floor(h.box.y * workToFull.sy),
    w: Math.ceil(h.box.w * workToFull.sx),
    h: Math.ceil(h.box.h * workToFull.sy),
  }));
  return [
    {
      code: "PIECE_AREA_LOST",
      severity: "warning",
      message: `Part of the piece may have been cut out with the background (${lost.length === 1 ? "one area" : `${lost.length} areas`}, ${Math.max(1, Math.round(share * 100))} % of the piece's size, inside its outline, that don't look like the surface — a white stone, a pearl or polished metal). Zoom in on the marked area before approving; if something is missing, reject the photo or shoot the piece on a darker or colored surface.`,
      value: Math.round(share * 1000) / 1000,
      threshold: LOST_TOTAL_SHARE,
      region: { kind: "boxes", boxes },
    },
  ];
}
