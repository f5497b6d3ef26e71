// How much of an enclosed opening of the cutout shows the same surface the piece was shot on. The
// surface is read where the photo shows it for certain: outside the piece (reached from the frame
// through pixels the network calls surface) and far from it (network map below 0.05). Its colours are
// kept as a set of occupied CIELAB cells; an opening whose pixels fall in that set shows the surface
// (a ring's inside, the gaps of a filigree over a hand or wood, fabric seen through a bracelet's
// opening); a dropped stone, a pearl or polished metal brings colours the surface never shows.
// The surface in the shade of the piece counts too: an opening much darker than the lit surface (a
// gap between a spiral's coils on velvet) shows the surface in shadow, whatever the metal's
// reflections tint it; a lost stone or metal part catches light.
import type { WorkImage } from "../pixels/work-image";
import { labInto } from "../color/lab";
import { quantileOf } from "../pixels/select";
import { reachFromFrame } from "../pixels/frame-reach";

/** CIELAB cell size: 4 units of L*, a*, b* (about ΔE 4–7 across a cell). */
const CELL = 4;
const NL = 27;
const NAB = 64;

/**
 * A cell is surface when it holds at least this share of the surface's pixels: JPEG noise and the
 * odd speck of another colour don't make a colour "the surface". Set at 1 / 20 000 (5 pixels of a
 * 100 000-pixel surface).
 */
const MIN_CELL_SHARE = 5e-5;

/**
 * An opening's pixel darker than this share of the surface's median L* is the surface in shade.
 * Measured per opening on the 52 real photos (../shared/photos) with the unreadable surfaces' path:
 * tamar_earring_0363's spiral gaps on red velvet (surface median L* 35.6) have median L* 19–26 and
 * their share of surface or shade colours goes from 0.01–0.18 (colours alone: their dark pixels carry
 * the silver's warm reflections, r/(r+g+b) ≈ 0.5 against the velvet's 0.85) to 0.51–0.79; the one
 * opening there with lit reflections (median L* 49) stays at 0.26. tamar_pendant_0036's lost part on
 * pale wood (surface median 82, the opening's 78) stays at 0.39. Between 0.7 and 0.8 the outcome is
 * the same on both.
 */
export const SHADE_OF_SURFACE = 0.75;

function cellOf(L: number, a: number, b: number): number {
  const l = Math.min(NL - 1, Math.max(0, Math.floor(L / CELL)));
  const ia = Math.min(NAB - 1, Math.max(0, Math.floor(a / CELL) + NAB / 2));
  const ib = Math.min(NAB - 1, Math.max(0, Math.floor(b / CELL) + NAB / 2));
  return (l * NAB + ia) * NAB + ib;
}

export interface SurfaceColours {
  /** 1 where a CIELAB cell (or its neighbour) holds the surface. */
  cells: Uint8Array;
  /** Work pixels that belong to enclosed openings or to the piece (not reached from the frame). */
  inside: Uint8Array;
  lab: Float32Array;
  /** Surface pixels read. */
  count: number;
  /** Below this L* an opening's pixel is the surface in shade (SHADE_OF_SURFACE × its median L*). */
  shadeL: number;
}

/** The surface's colour set, from the work image and the network's map on the same grid. */
export function surfaceColours(work: WorkImage, probWork: Float32Array): SurfaceColours {
  const { width: w, height: h } = work;
  const n = w * h;
  const lab = new Float32Array(3 * n);
  const [R, G, B] = work.linear;
  for (let i = 0; i < n; i++) labInto(R[i]!, G[i]!, B[i]!, lab, 3 * i);
  const outside = frameSurface(probWork, w, h);
  const hist = new Int32Array(NL * NAB * NAB);
  const lightness = new Float32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++)
    if (outside[i] && probWork[i]! < 0.05) {
      hist[cellOf(lab[3 * i]!, lab[3 * i + 1]!, lab[3 * i + 2]!)]!++;
      lightness[count++] = lab[3 * i]!;
    }
  const shadeL = count ? SHADE_OF_SURFACE * quantileOf(lightness, 0.5, count) : 0;
  const min = Math.max(2, MIN_CELL_SHARE * count);
  const cells = new Uint8Array(hist.length);
  for (let l = 0; l < NL; l++)
    for (let a = 0; a < NAB; a++)
      for (let b = 0; b < NAB; b++) {
        if (hist[(l * NAB + a) * NAB + b]! < min) continue;
        for (let dl = -1; dl <= 1; dl++)
          for (let da = -1; da <= 1; da++)
            for (let db = -1; db <= 1; db++) {
              const L2 = l + dl;
              const a2 = a + da;
              const b2 = b + db;
              if (L2 < 0 || L2 >= NL || a2 < 0 || a2 >= NAB || b2 < 0 || b2 >= NAB) continue;
              cells[(L2 * NAB + a2) * NAB + b2] = 1;
            }
      }
  const inside = new Uint8Array(n);
  for (let i = 0; i < n; i++) inside[i] = outside[i] ? 0 : 1;
  return { cells, inside, lab, count, shadeL };
}

/**
 * Share of an opening's pixels (inside its box, below ½ on the network's map and not reached from the
 * frame) whose colour is a colour of the surface, lit or in shade. 0 when the surface could not be read.
 */
export function surfaceShare(
  s: SurfaceColours,
  probWork: Float32Array,
  width: number,
  box: { x: number; y: number; w: number; h: number },
): number {
  if (!s.count) return 0;
  let n = 0;
  let like = 0;
  for (let y = box.y; y < box.y + box.h; y++)
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = y * width + x;
      if (!s.inside[i] || probWork[i]! >= 0.5) continue;
      n++;
      if (s.lab[3 * i]! < s.shadeL || s.cells[cellOf(s.lab[3 * i]!, s.lab[3 * i + 1]!, s.lab[3 * i + 2]!)]) like++;
    }
  return n ? like / n : 0;
}

/**
 * Pixels the network calls surface (map < ½) reached from the frame's edge, 4-connected: the surface
 * around the piece, not what shows through its openings.
 */
export function frameSurface(probWork: Float32Array, w: number, h: number): Uint8Array {
  const low = new Uint8Array(w * h);
  for (let i = 0; i < low.length; i++) low[i] = probWork[i]! < 0.5 ? 1 : 0;
  return reachFromFrame(low, w, h);
}
