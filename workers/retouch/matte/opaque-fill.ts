// Stage 3b — give back what the network dropped inside the piece. ISNet reads bright white metal,
// white stones and pearls on a light surface as "background" (its map follows the photo's
// brightness there: a polished white bangle scores 0.2–0.5, ball-chain beads have dark rims and
// empty centres). Colour separates them where the network can't: a surface can be darker than its
// fitted model (shadow) but not brighter, nor of another chromaticity, nor textured. So, on the work
// grid, a pixel is *evidence of piece* when, against the fitted surface B at that spot (ratio
// r = I / B per linear channel):
//   • it is brighter: mean r > 1 + tBright (a shadow only darkens);
//   • or its chromaticity differs: max |r_c / mean r − 1| > tChroma (a shadow keeps it);
//   • or it is textured: the 3×3 spread of mean r exceeds tTexture (shadows and sweeps are smooth).
// Evidence is accepted only within `reach` of what the network is sure of (p ≥ ½) and connected to
// it, and only where the surface is known (backdrop trust) — on fabric or a busy scene there is no
// B to compare with, and the network's map stands alone. Enclosed holes of the result are filled
// when the evidence or the network says piece over a good part of them (a dropped stone), and left
// open when they look like the surface (a ring's opening, a chain link).
import type { Plane } from "../types";
import { dilate, erode } from "../pixels/mask";
import { boxMean } from "../pixels/box-mean";
import type { WorkImage } from "../pixels/work-image";
import { darkSurface, evalModel, type BackdropModel } from "../backdrop/model";
import { labelComponents } from "../pixels/components";
import { squaredDistanceTo } from "../metrics/distance";

export interface FillOptions {
  /** How far from the network's confident piece evidence is taken, in work pixels at 1024 px. */
  reach: number;
  tBright: number;
  tChroma: number;
  tTexture: number;
  /**
   * An enclosed hole is filled when this share of its inside is evidence, or its mean map value
   * exceeds holeProb. The inside is what lies more than `holeRim` work pixels (at 1024 px) from the
   * piece: the rim is the piece's own anti-aliased edge, mixed colour and so "evidence" everywhere,
   * and in a small opening (a chain link, a heart-shaped link) it is a third or more of the hole —
   * bracelet_lactay2's link openings on grey were filled whole, which the bare network had left
   * open. A hole with no inside is left to the network's map. Every third piece of
   * ../shared/data/cutout-dev × 5 surfaces (`bench/cutout`), IoU / boundary F, rim 0 → 1.5: sweep
   * 0.927 / 0.919 → 0.930 / 0.926, grey 0.913 / 0.930 → 0.914 / 0.936, blue 0.958 / 0.971 →
   * 0.961 / 0.979, white 0.940 / 0.930 → 0.943 / 0.941, black unchanged; bracelet_lactay3 on blue
   * 0.880 → 0.908, necklace_vongco4 on white 0.931 → 0.942; opaque kept unchanged but on piece_sp2
   * on white (1.000 → 0.966: a face of white metal on white whose only evidence was its rim).
   * bracelet_lactay2 on grey: 0.860 → 0.875 IoU, its 90 link openings all cut (80 before).
   */
  holeEvidence: number;
  holeRim: number;
  holeProb: number;
  /** Below this backdrop trust, no evidence is taken. */
  minTrust: number;
  /** The fill grows only through pixels the network gave at least this much (a shadow or a misfit sweep gets ~0). */
  minProb: number;
  /**
   * On a dark surface (backdrop/model.ts DARK) ratios to the surface are noise: there the evidence is
   * brightness alone, read absolutely — a pixel is piece when its mean linear value exceeds both
   * `darkMinY` and `darkGain` × the fitted surface's — and it is followed without `reach` or
   * `minProb`. ISNet drops whole parts of white metal on black (the shank of ring_nhan1, the upper
   * half of chain_daychuyen1 in ../shared/data/cutout-dev: map < 0.04 over them, the scene 100–230
   * sRGB against a surface of 18; the shipped anchor loses them too). All 39 black scenes, IoU / opaque
   * kept: ratio evidence off (before) 0.886 / 0.975, brightness evidence 0.908 / 0.998 (those two
   * pieces 0.466 → 0.933 and 0.609 → 0.992, nothing else moved by more than 0.003). The ratio evidence
   * itself was off there because it filled chain links with the velvet's noise: fill on IoU 0.820,
   * off 0.829 (every second piece, 20).
   */
  darkMinY: number;
  darkGain: number;
  /**
   * An enclosed hole at least `stripElongation` times as long as it is wide and at most `stripWidth`
   * work pixels (at 1024 px) wide is a highlight running along polished metal, not an opening: an
   * opening seen through a piece (a bangle's inside, even edge-on) is about as wide as the metal
   * around it. Measured on ../shared/data/cutout-dev's open holes (all 195 scenes, width = 4 × the
   * mean distance to the piece, length = area / width): the tube highlights of bangle_vongtay and
   * bangle_vongtay2 on white and sweep (6 holes, truth α = 1) are 9.9–15.2 wide at elongation 36–44;
   * the narrowest real openings that long, bangle_vongtay4's inside edge-on, 22.4–25.9 wide at
   * elongation 20–27 (truth α ≤ 0.3); below elongation 20 real openings are as narrow as 4.8.
   */
  stripElongation: number;
  stripWidth: number;
  /**
   * An enclosed hole of at least `hazyArea` work pixels (at 1024 px) that the network half believes
   * all over — at least `hazyShare` of it at p ≥ `hazyProb` — is a face it dropped, not an opening:
   * through a real opening the map falls below 0.2 over most of it, with a few hazy blobs. Measured on
   * ../shared/data/cutout-dev's open holes (every third piece × 5 surfaces, scratch probe): dropped faces
   * (a polished stem of earring_bongtai2, a face of band_nhancuoi1 and of bangle_vongtay5 on the sweep
   * and white) 662–3123 px with 1.0 of them at p ≥ 0.2 (mean p 0.32–0.41, under holeProb); the openings
   * at most 0.36 at p ≥ 0.2 (band_nhancuoi1's inside on grey, 70 672 px); chain links and bracelet
   * openings are as hazy as the faces (0.8–1.0) but at most 309 px — filled with no floor on the area,
   * they cost bracelet_lactay3 and necklace_vongco4 up to 0.015 IoU and 33 of 1304 holes. The faces are
   * 12–22 px wide (width as for the strips); the openings of thin bands seen from the side are as hazy
   * (0.93–1.0 at p ≥ 0.2, mean p 0.35–0.39) but 83–89 wide (ring_nhan2 on white, band_nhancuoi2 on grey:
   * all 195 scenes without `hazyWidth`, IoU 0.717 → 0.644 and 0.693 → 0.622); bangle_vongtay4's narrow
   * edge-on insides (23–29 wide) are not hazy (≤ 0.11). Only on a light surface the backdrop model
   * reads: not on a dark one, where ISNet's edge blooms into every opening, nor on fabric or a scene,
   * where a half-believed hole is as likely a fold of a prop (elorine_bracelet_bracelet5's satin).
   */
  hazyProb: number;
  hazyShare: number;
  hazyArea: number;
  hazyWidth: number;
  /**
   * Work pixels (at 1024 px) inside the grown piece from which α is 1 (0: off). Measured on
   * ../shared/data/cutout-dev (every third piece, 13 per surface; IoU / BF / opaque kept, with the edge
   * stage confined to the outline): sweep off 0.918 / 0.897 / 0.937, 3 → 0.922 / 0.910 / 0.958;
   * grey 3 → 0.912 / 0.929 / 0.994. On flat white (all 39) it now costs little boundary F and keeps
   * the faces the network half dropped: off 0.919 / 0.920 / 0.951, 3 → 0.919 / 0.918 / 0.965 (it was
   * off there while the edge stage still re-solved every partial pixel: BF 0.917 → 0.902).
   */
  deep: number;
}

/**
 * Measured on ../shared/data/cutout-dev (`npm run bench -- --only cutout`; docs/cutout-bench.md).
 * holeEvidence: the real openings left by the network there (bracelet links, ring insides) held at
 * most 0.344 of evidence; a faceted white stone dropped on a white sweep holds 0.38–0.48 (tests/unit).
 * (Both read over the whole hole, rim included, before holeRim; the openings' rims inflated them.)
 */
export const FILL_DEFAULTS: FillOptions = {
  reach: 24,
  tBright: 0.04,
  tChroma: 0.05,
  tTexture: 0.06,
  holeEvidence: 0.36,
  holeRim: 1.5,
  holeProb: 0.45,
  minTrust: 0.25,
  minProb: 0.03,
  darkMinY: 0.04,
  darkGain: 6,
  deep: 3,
  stripElongation: 20,
  stripWidth: 18,
  hazyProb: 0.2,
  hazyShare: 0.8,
  hazyArea: 500,
  hazyWidth: 30,
};

/**
 * A dark surface the backdrop model reads (trusted, backdrop/model.ts DARK): where the matte reads
 * the piece by brightness, tightens thick parts' outline and takes the fill's colours as the piece's.
 */
export function readDarkSurface(backdrop: BackdropModel, opts: Pick<FillOptions, "minTrust"> = FILL_DEFAULTS): boolean {
  return backdrop.trust >= opts.minTrust && darkSurface(backdrop);
}

/** An enclosed hole the fill left open, with what speaks for it being piece. */
export interface OpenHole {
  /** Work-grid pixels. */
  area: number;
  box: { x: number; y: number; w: number; h: number };
  /** Share of its inside (beyond the rim, see holeRim) that is evidence of piece, and its mean network value. */
  evidence: number;
  prob: number;
  /** Mean width (4 × the mean distance of its pixels to the piece) and length / width, work pixels. */
  width: number;
  elongation: number;
}

export interface OpaqueFill {
  /** Work-grid plane, 1 where the piece is given back (0 elsewhere). */
  fill: Plane;
  /** Evidence of piece per work pixel (0/1), for the lost-area check. */
  evidence: Uint8Array;
  /** Pixels filled that the network had below ½, as a share of the network's piece (p ≥ ½). */
  filledShare: number;
  /** Network piece area (p ≥ ½), work pixels. */
  coreArea: number;
  openHoles: OpenHole[];
}

/** 8-connected flood from `seed` pixels through `through` pixels; returns the reached set. */
function flood(seed: Uint8Array, through: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(seed.length);
  const stack = new Int32Array(seed.length);
  let top = 0;
  for (let i = 0; i < seed.length; i++)
    if (seed[i]) {
      out[i] = 1;
      stack[top++] = i;
    }
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % w;
    const y = (i - x) / w;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= h) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w) continue;
        const j = yy * w + xx;
        if (out[j] || !through[j]) continue;
        out[j] = 1;
        stack[top++] = j;
      }
    }
  }
  return out;
}

/**
 * A linear-RGB pixel against the fitted surface `s` at its place, into `out`: the mean of the three
 * channel ratios (level: a shadow < 1 < a highlight) and the largest departure of one channel's ratio
 * from that mean (chromaticity; 0 when the level is 0).
 */
export function ratioToSurface(r: number, g: number, b: number, s: ArrayLike<number>, out: number[]): void {
  const rr = r / Math.max(s[0]!, 1e-3);
  const rg = g / Math.max(s[1]!, 1e-3);
  const rb = b / Math.max(s[2]!, 1e-3);
  const m = (rr + rg + rb) / 3;
  out[0] = m;
  out[1] = m > 0 ? Math.max(Math.abs(rr / m - 1), Math.abs(rg / m - 1), Math.abs(rb / m - 1)) : 0;
}

/**
 * Evidence of piece per work pixel (see the file's header): 1 = piece, 0 = looks like the surface,
 * 2 = unknown (the surface can't be trusted there).
 */
export function pieceEvidence(
  work: WorkImage,
  backdrop: BackdropModel,
  opts: FillOptions = FILL_DEFAULTS,
  surfaceProb?: Float32Array,
): Uint8Array {
  const { width: w, height: h } = work;
  const [R, G, B] = work.linear;
  const n = w * h;
  const ratio = new Float32Array(n);
  const ev = new Uint8Array(n);
  const meanY = Math.max(1e-3, (backdrop.mean[0] + backdrop.mean[1] + backdrop.mean[2]) / 3);
  if (backdrop.trust < opts.minTrust) return ev.fill(2);
  if (darkSurface(backdrop)) {
    const t = Math.max(opts.darkMinY, opts.darkGain * meanY);
    for (let i = 0; i < n; i++) ev[i] = (R[i]! + G[i]! + B[i]!) / 3 > t ? 1 : 0;
    return ev;
  }
  // The fitted surface, not local means of the network's "clear" pixels: those would include the
  // very piece the network missed. Its misfit (residual) widens the tolerance.
  const b = [0, 0, 0];
  const rc = [0, 0];
  const tBright = opts.tBright + (3 * backdrop.residualAbs) / meanY;
  const tChroma = opts.tChroma + (2 * backdrop.residualAbs) / meanY;
  for (let y = 0; y < h; y++) {
    const v = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      evalModel(backdrop, (x + 0.5) / w, v, b);
      ratioToSurface(R[i]!, G[i]!, B[i]!, b, rc);
      const m = rc[0]!;
      ratio[i] = m;
      if (m > 1 + tBright) ev[i] = 1;
      else if (m > 0.02 && rc[1]! > tChroma) ev[i] = 1;
    }
  }
  // Texture: the 3×3 spread of the ratio, against the surface's own (JPEG noise, banding, weave):
  // the floor is twice the 90th percentile of the spread over pixels the network calls surface.
  const sd = new Float32Array(n);
  const surfaceSd: number[] = [];
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      let sum = 0;
      let s2 = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const r = ratio[i + dy * w + dx]!;
          sum += r;
          s2 += r * r;
        }
      const mean = sum / 9;
      const v = Math.sqrt(Math.max(0, s2 / 9 - mean * mean)) / Math.max(mean, 0.05);
      sd[i] = v;
      if (surfaceProb && surfaceProb[i]! < 0.03 && (i & 7) === 0) surfaceSd.push(v);
    }
  const sortedSd = Float64Array.from(surfaceSd).sort(); // numeric, native: the comparator sort's order
  const floor = sortedSd.length ? 2 * sortedSd[Math.floor(0.9 * (sortedSd.length - 1))]! : 0;
  const tTexture = Math.max(opts.tTexture, floor);
  for (let i = 0; i < n; i++) if (!ev[i] && sd[i]! > tTexture) ev[i] = 1;
  return ev;
}

export function opaqueFill(
  work: WorkImage,
  probWork: Float32Array,
  backdrop: BackdropModel,
  opts: FillOptions = FILL_DEFAULTS,
  /** pieceEvidence's plane when the caller already has it. */
  evidence: Uint8Array = pieceEvidence(work, backdrop, opts, probWork),
): OpaqueFill {
  const { width: w, height: h } = work;
  const n = w * h;
  const core = new Uint8Array(n);
  let coreN = 0;
  for (let i = 0; i < n; i++)
    if (probWork[i]! >= 0.5) {
      core[i] = 1;
      coreN++;
    }
  const fill = new Float32Array(n);
  const scale = Math.max(w, h) / 1024;
  // On a dark surface brightness is unambiguous (see darkMinY): the fill follows it without a reach.
  const dark = readDarkSurface(backdrop, opts);
  // A light surface the backdrop model reads (the hazy-hole rule's only ground: see `hazyProb`).
  const plain = backdrop.trust >= opts.minTrust && !dark;
  const near = dark ? new Uint8Array(n).fill(1) : dilate(core, w, h, Math.max(1, Math.round(opts.reach * scale)));
  // Pixels next to plain surface are the piece's own anti-aliased edge (mixed colour, so "evidence"):
  // the network's ramp draws that edge; the fill only takes what lies inside it.
  const surface = new Uint8Array(n);
  for (let i = 0; i < n; i++) surface[i] = !core[i] && evidence[i] === 0 ? 1 : 0;
  const nearSurface = dilate(surface, w, h, Math.max(1, Math.round(2 * scale)));
  const through = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    through[i] =
      near[i]! && evidence[i] === 1 && !core[i] && (dark || (!nearSurface[i] && probWork[i]! >= opts.minProb)) ? 1 : 0;
  const grown = flood(core, through, w, h);
  // Enclosed holes of the grown piece: components of "not grown" that don't reach the frame.
  const notGrown = new Uint8Array(n);
  for (let i = 0; i < n; i++) notGrown[i] = grown[i] ? 0 : 1;
  const { label: labels, comps } = labelComponents(notGrown, w, h, 0);
  const d2 = squaredDistanceTo(grown, w, h);
  const rim2 = (opts.holeRim * scale) ** 2;
  const count = comps.length;
  const size = new Int32Array(count + 1);
  const ev = new Int32Array(count + 1);
  const inner = new Int32Array(count + 1);
  const psum = new Float64Array(count + 1);
  const hazy = new Int32Array(count + 1);
  const border = new Uint8Array(count + 1);
  const x0 = new Int32Array(count + 1).fill(w);
  const y0 = new Int32Array(count + 1).fill(h);
  const x1 = new Int32Array(count + 1);
  const y1 = new Int32Array(count + 1);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const l = labels[i]!;
      if (!l) continue;
      size[l]!++;
      if (d2[i]! > rim2) {
        inner[l]!++;
        if (evidence[i] === 1) ev[l]!++;
      }
      psum[l]! += probWork[i]!;
      if (probWork[i]! >= opts.hazyProb) hazy[l]!++;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) border[l] = 1;
      if (x < x0[l]!) x0[l] = x;
      if (x > x1[l]!) x1[l] = x;
      if (y < y0[l]!) y0[l] = y;
      if (y > y1[l]!) y1[l] = y;
    }
  // Each hole's mean distance to the piece: a strip of width W has mean distance W / 4.
  const dsum = new Float64Array(count + 1);
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (l) dsum[l]! += Math.sqrt(d2[i]!);
  }
  const take = new Uint8Array(count + 1);
  const openHoles: OpenHole[] = [];
  for (let l = 1; l <= count; l++) {
    if (border[l]) continue;
    const a = size[l]!;
    const width = (4 * dsum[l]!) / a;
    const elongation = a / (width * width);
    const strip = elongation >= opts.stripElongation && width <= opts.stripWidth * scale;
    const dropped =
      plain && a >= opts.hazyArea * scale * scale && width <= opts.hazyWidth * scale && hazy[l]! >= opts.hazyShare * a;
    if ((inner[l]! > 0 && ev[l]! >= opts.holeEvidence * inner[l]!) || psum[l]! >= opts.holeProb * a || strip || dropped)
      take[l] = 1;
    else
      openHoles.push({
        area: a,
        box: { x: x0[l]!, y: y0[l]!, w: x1[l]! - x0[l]! + 1, h: y1[l]! - y0[l]! + 1 },
        evidence: inner[l]! ? ev[l]! / inner[l]! : 0,
        prob: psum[l]! / a,
        width,
        elongation,
      });
  }
  for (let i = 0; i < n; i++) if (take[labels[i]!]) grown[i] = 1;
  let filled = 0;
  for (let i = 0; i < n; i++)
    if (grown[i] && !core[i]) {
      fill[i] = 1;
      filled++;
    }
  // The piece's inside is opaque: what lies `deep` pixels inside the grown piece is raised to 1
  // whatever the network's value there (its ramp leaves a polished face at p 0.5–0.7 partly clear),
  // while the outline keeps the ramp's profile. On a pure-white surface too (see `deep`).
  if (opts.deep > 0) {
    const deep = erode(grown, w, h, Math.max(1, Math.round(opts.deep * scale)));
    for (let i = 0; i < n; i++) if (deep[i]) fill[i] = 1;
  }
  // The fill's own border is softened over a couple of work pixels (two 3×3 box means, never below ½
  // on a filled pixel): where it reaches the piece's outline it leaves a soft edge for the edge stage
  // instead of a hard step carrying the surface (bleed), and where it meets a part the network left
  // clear α ramps instead of stepping (no seam).
  const soft = boxMean(boxMean(fill, w, h, 1), w, h, 1);
  for (let i = 0; i < n; i++) if (fill[i]) soft[i] = Math.max(soft[i]!, 0.5);
  return {
    fill: { width: w, height: h, data: soft },
    evidence,
    filledShare: coreN ? filled / coreN : 0,
    coreArea: coreN,
    openHoles,
  };
}
