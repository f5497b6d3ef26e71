// PROP_KEPT (check CLI side): the result keeps part of the original's surroundings — a patch of the
// shooting surface, a drape or a plate that looks like it — as if it were piece. The result is not
// its studio background there, and the original there looks like its own surface, connected to the
// frame's surface. Halo-sized bands along the outline are HALO's business: only patches wider than a
// fringe count.
import type { Box, Warning } from "../types";
import { labelComponents } from "../pixels/components";
import { round, warning } from "./context";
import { texturedShown, type SurfaceDistances } from "./matte-estimate";
import type { Thresholds } from "./thresholds";
import { removedShadow } from "./removed-shadow";
import { boxMeanReplicated } from "../pixels/box-mean";
import { quantile } from "./filters";
import { reachFromFrame } from "../pixels/frame-reach";

/** The result this far from its studio colour (ΔE00) shows something. */
const SHOWN_DE = 8;

/**
 * A shadow kept as a shadow: the original shows a darker, surface-tinted patch and the result a
 * darker, as lightly tinted version of its studio there. A retoucher may keep a soft shadow; it
 * is no object sold with the piece. (The honest retouch of tamar_bracelet_0359 in the independent
 * set's calibration half keeps the soft shadow under the bracelet; its drape-fold counterpart,
 * elorine_pendant_necklace2's grey folds kept far from the chain, still warns.)
 */
function keptShadow(d: SurfaceDistances, i: number): boolean {
  const o = i * 3;
  const { labB: b, labA: a } = d;
  return (
    removedShadow(b[o]!, b[o + 1]!, b[o + 2]!, d.surfaceLab, 0) &&
    removedShadow(a[o]!, a[o + 1]!, a[o + 2]!, d.studioLab, 0)
  );
}

/** How far (coarse px) from the piece a kept shadow counts as cast by it. */
const CAST_REACH = 10;

/**
 * Where the original looks like its surface: near the border's median (the rule the drape test was set
 * on) and, when the fitted field (surface-field.ts) follows the surface more tightly than the median,
 * within FIELD_REACH × its tolerance of the field at that place. White metal the grey of a sweep or a
 * blue card passes the median's wide tolerance but sits off the field's local colour. Nor is what
 * the result shows over the original's fine structure (matte-estimate.ts, texturedShown): a surface
 * is smooth, a piece carries structure. Measured (cal half, share of the frame, field rule → with
 * structure): band_nhancuoi1 grey 0.036 → 0.015, piece_sp grey 0.010 → 0, ring_nhan1 grey
 * 0.041 → 0.027, piece_ts1 grey 0.027 → 0.027; the drape folds of elorine_pendant_necklace2 0.031 → 0.031.
 */
function surfaceLike(d: SurfaceDistances): Uint8Array {
  const useField = d.tolB < d.tolMedian;
  // Shown off-studio over fine structure (texture, links, specular streaks): piece, as in the matte.
  const tex = texturedShown(d);
  const out = new Uint8Array(d.w * d.h);
  for (let i = 0; i < out.length; i++)
    out[i] = d.dMedian[i]! <= d.tolMedian && (!useField || d.dB[i]! <= FIELD_REACH * d.tolB) && !tex[i] ? 1 : 0;
  return out;
}

/**
 * Multiple of the field's tolerance within which the original still reads as surface. Measured on the
 * independent set's honest retouches (`report.ts 0 --cutout --half cal`; PROP_KEPT share of the frame,
 * median rule → 1 → 1.5 → 2): band_nhancuoi1 sweep 0.018 → 0 → 0 → 0, blue 0.017 → 0 → 0 → 0;
 * piece_sp blue 0.009 → 0 → 0 → 0; ring_nhan1 sweep 0.027 → 0 → 0 → 0.021; ring_nhan3 grey
 * 0.011 → 0 → 0 → 0.007; while the drape folds kept in elorine_pendant_necklace2 (a real prop, its
 * test asks > 0.02) read 0.031 → 0.008 → 0.031 → 0.031: at 1 the field's tolerance cuts the folds
 * apart, at 1.5 they join the surface again.
 */
const FIELD_REACH = 1.5;

export function keptSurface(d: SurfaceDistances): { share: number; kept: Uint8Array } {
  const { w, h, dA } = d;
  const like = surfaceLike(d);
  // Surface reachable from the frame without crossing the piece: a bead strand's or a hoop's own
  // openings (enclosed by the piece) are its see-through, not a kept prop.
  const outside = reachFromFrame(like, w, h);
  // Shadows kept next to the piece (cast by it) are no prop; a shaded fold of a drape farther off is.
  const shade = new Uint8Array(w * h);
  const piece = new Float32Array(w * h);
  for (let i = 0; i < shade.length; i++) {
    shade[i] = dA[i]! > SHOWN_DE && keptShadow(d, i) ? 1 : 0;
    piece[i] = !like[i] && dA[i]! > SHOWN_DE && !shade[i] && !outside[i] ? 1 : 0;
  }
  const nearPiece = boxMeanReplicated(piece, w, h, CAST_REACH);
  const raw = new Uint8Array(w * h);
  for (let i = 0; i < raw.length; i++)
    raw[i] = outside[i] && dA[i]! > SHOWN_DE && !(shade[i] && nearPiece[i]! > 0) ? 1 : 0;
  dropOutlined(d, raw, like);
  // Erode by 2 (a 5×5 square): an outline's fringe vanishes, a patch of surface stays.
  const r = 2;
  const kept = new Uint8Array(w * h);
  let n = 0;
  for (let y = r; y < h - r; y++)
    for (let x = r; x < w - r; x++) {
      let all = 1;
      for (let yy = -r; yy <= r && all; yy++)
        for (let xx = -r; xx <= r; xx++)
          if (!raw[(y + yy) * w + x + xx]) {
            all = 0;
            break;
          }
      if (all) {
        kept[y * w + x] = 1;
        n++;
      }
    }
  return { share: n / (w * h), kept };
}

/**
 * A kept patch of surface was cut out of a surface that goes on: across the line where the result
 * turns to its studio, the original shows the same surface on both sides. Metal the colour of that
 * surface (white gold on a grey card) ends there in an outline: the original steps across it. Drops
 * (in place) the components of `raw` whose median step across their cut line (ΔE76 of the original
 * between the pixel inside the line and the one a pixel beyond it, a 3-px span) exceeds the
 * surface's own median step over the same span by CUT_STEP.
 */
function dropOutlined(d: SurfaceDistances, raw: Uint8Array, like: Uint8Array): void {
  const { w, h, dA, labB: b } = d;
  const lab = labelComponents(raw, w, h, 1);
  const steps: number[][] = [];
  for (const c of lab.comps) steps[c.id] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!raw[i]) continue;
    const x = i % w;
    const y = (i - x) / w;
    for (const [dx, dy] of DIRS) {
      const xo = x + 2 * dx;
      const yo = y + 2 * dy;
      const xi = x - dx;
      const yi = y - dy;
      if (xo < 0 || yo < 0 || xo >= w || yo >= h || xi < 0 || yi < 0 || xi >= w || yi >= h) continue;
      const j = i + dy * w + dx;
      if (raw[j] || dA[j]! > SHOWN_DE) continue;
      const o = (yo * w + xo) * 3;
      const q = (yi * w + xi) * 3;
      steps[lab.label[i]!]?.push(Math.hypot(b[o]! - b[q]!, b[o + 1]! - b[q + 1]!, b[o + 2]! - b[q + 2]!));
    }
  }
  // The surface's own step over the same 3-px span, where the result removed it: a grained or noisy
  // surface (velvet) steps as much between any two of its pixels.
  const own: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const x = i % w;
    if (x < 1 || x + 2 >= w || !like[i] || dA[i]! > SHOWN_DE) continue;
    const a = i - 1;
    const c = i + 2;
    if (!like[a] || !like[c] || dA[a]! > SHOWN_DE || dA[c]! > SHOWN_DE) continue;
    own.push(Math.hypot(b[a * 3]! - b[c * 3]!, b[a * 3 + 1]! - b[c * 3 + 1]!, b[a * 3 + 2]! - b[c * 3 + 2]!));
  }
  const floor = own.length ? quantile(own, 0.5) : 0;
  const drop = new Uint8Array(steps.length);
  for (const c of lab.comps) {
    const st = steps[c.id]!;
    if (st.length && quantile(st, 0.5) >= floor + CUT_STEP) drop[c.id] = 1;
  }
  for (let i = 0; i < raw.length; i++) if (raw[i] && drop[lab.label[i]!]) raw[i] = 0;
}

const DIRS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];

/**
 * How much more (ΔE76) than the surface's own step the median step across a kept patch's cut line
 * must be for the patch to be outlined piece, not cut surface. Measured (`report.ts 0 --cutout --half
 * cal`, honest retouches, coarse px): white metal kept on the grey card steps 2.4–4.2 across its
 * outline over a surface whose own step is 0.0 (band_nhancuoi1, piece_ts1) and 4.3–12.6 (ring_nhan1);
 * the patches kept in tests/unit/guards/prop-kept.test.ts step as their surface does (pale green 2.8
 * on 2.9, black velvet 6.8 on 7.1) and the drape folds of elorine_pendant_necklace2 by 0.7 more than
 * their drape in the largest fold (two small folds, +3.0 and +3.2, are dropped).
 */
const CUT_STEP = 2;

export function propKept(d: SurfaceDistances, t: Thresholds): Warning[] {
  const r = keptSurface(d);
  if (r.share < t.propKeptShare!) return [];
  const comps = labelComponents(r.kept, d.w, d.h, 4)
    .comps.sort((a, b) => b.area - a.area)
    .slice(0, 8);
  const boxes: Box[] = comps.map((c) => ({
    x: (c.box.x - 2) * d.s,
    y: (c.box.y - 2) * d.s,
    w: (c.box.w + 4) * d.s,
    h: (c.box.h + 4) * d.s,
  }));
  return [
    warning(
      "PROP_KEPT",
      "warning",
      `Part of the original surroundings was kept with the piece (${round(r.share * 100, 1)} % of the frame looks like the old surface but is not the new background). ` +
        "Buyers should see only what they buy; a kept drape, plate or patch of surface looks like part of the product.",
      r.share,
      t.propKeptShare!,
      boxes.length ? { kind: "boxes", boxes } : { kind: "image" },
      "share of the frame kept from the surroundings",
    ),
  ];
}
