// The whole retouch of one image, stage by stage, in the calling thread (the pool runs it inside a
// worker thread). Each stage's wall time goes into the report.
import type { Box, Image8, Plane } from "./types";
import type { ImageReport, RetouchOutput } from "./report";
import { RetouchInputError } from "./errors";
import { resolveSettings, parseBackground, type RetouchSettings } from "./settings";
import { decodeInput } from "./decode";
import { buildMatte, spotSearchAlpha } from "./matte/pipeline-matte";
import { makeWorkImage } from "./pixels/work-image";
import { decontaminate } from "./matte/decontaminate";
import { cleanSpots } from "./spots/clean";
import { readSurface } from "./backdrop/gains";
import { applyGains } from "./backdrop/apply-gains";
import { frame, pieceBox } from "./compose/frame";
import { framingReport } from "./compose/layout";
import { encodeComposite, encodeCutout, encodeThumbnail } from "./export/encode";
import { linearToSrgb8 } from "./color";
import { runGuardsAndSummary } from "./guards";
import { cutoutConfidence, cutoutShares, mapShares } from "./matte/cutout-confidence";
import { coarseCutout } from "./matte/coarse-cutout";
import { clearedSign, keptPropSign, keptPropWarning } from "./matte/kept-prop";
import type { Segmenter } from "./segment/segmenter";
import { applyMaskStrokes, untouchedPairs } from "./edits/mask-strokes";
import { applyColorPass } from "./edits/color-pass";
import { isNeutralPass } from "./edits/types";
import { activeBox } from "./pixels/active-box";
import { raiseOutlineFloor } from "./matte/soften-steps";

export type { Segmenter } from "./segment/segmenter";

export interface PipelineResult {
  output: RetouchOutput;
  /** Full-resolution intermediates, for tests and the bench (not sent across threads). */
  internals: { image: Image8; alpha: Plane; cutout: Uint8Array; toned: Uint8Array; after: Image8 };
}

async function decodeReference(ref: Uint8Array | null | undefined): Promise<Image8 | null> {
  if (!ref || ref.byteLength === 0) return null;
  try {
    return (await decodeInput(ref)).image;
  } catch {
    return null; // a broken reference must not fail the retouch; the guard just has nothing to compare
  }
}

/**
 * `keep`: "internals" (tests, analyses) keeps the cutout before the gains in `internals.cutout`;
 * "output" (the product) applies the gains in place, so `internals.cutout` is the toned cutout.
 */
export async function runPipeline(
  input: Uint8Array,
  partial: Partial<RetouchSettings> | undefined,
  segment: Segmenter,
  keep: "internals" | "output" = "internals",
): Promise<PipelineResult> {
  const settings = resolveSettings(partial);
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };

  const decoded = await decodeInput(input);
  const img = decoded.image;
  const { width: W, height: H } = img;
  lap("decode");

  // The work image's resize runs on a libuv thread while the network has the main thread.
  const workImage = makeWorkImage(img, undefined, decoded.resized);
  workImage.catch(() => undefined); // awaited in buildMatte; this only keeps an early rejection from being "unhandled"
  const prob = await segment(img, decoded.resized);
  lap("segment");

  const matte = await buildMatte(img, prob, undefined, decoded.resized, workImage);
  const alpha = matte.alpha;
  // The merchant's brush strokes, at the original's geometry, on top of the automatic matte.
  const strokes = settings.edits?.mask ?? [];
  const touched = strokes.length
    ? applyMaskStrokes(alpha, strokes, {
        image: img,
        work: matte.work,
        backdrop: matte.backdrop,
        fg: matte.fg,
        bg: matte.bg,
      })
    : 0;
  // The box outside which α = 0 (the matte's own, or anywhere a brush stroke reached): the
  // full-resolution passes below run on it and leave the rest as allocated (clear).
  const live = activeBox(alpha.data, W, H, strokes.length ? undefined : (matte.box ?? undefined));
  // One pass gives the opaque share (the no-piece check here) and the haze (the cutout check below).
  const shares = cutoutShares(alpha.data, live ? { box: live, width: W } : undefined);
  const share = shares.opaque;
  // The prop check reads the network's own map: a ghost it half believes is the sign of a kept prop,
  // and the matte's ramp (which clears most of that haze) would hide it from the merchant.
  const networkShares = mapShares(matte.prob, W, H);
  const box = live && pieceBox(alpha.data, W, H, live);
  if (!box || share < 0.0005 || share > 0.97)
    throw new RetouchInputError(
      "NO_PIECE",
      share > 0.97
        ? "We could not tell the piece from its background: the cutout took in almost the whole photo. This happens when the piece fills the frame, or lies on velvet, fabric or another busy or strongly colored surface. Upload a photo with the piece on a plain, light surface and some space around it."
        : "We could not find a piece of jewelry in this photo. Upload a photo with the piece clearly visible on a plain surface.",
    );
  lap("matte");

  const cutout = decontaminate(img, alpha, matte.work, matte.backdrop, matte.fg, matte.bg, live);
  lap("edges");

  // Dust is looked for where the network alone is sure of the piece and the matte keeps it.
  const spots = cleanSpots(
    cutout,
    W,
    H,
    spotSearchAlpha(matte.prob, alpha, live),
    new Set(settings.disabledSpots ?? []),
    live ?? undefined,
  );
  // The outline's last level: no step of the written cutout reaches ½ (matte/soften-steps.ts), but
  // where the merchant's brush went.
  raiseOutlineFloor(cutout, untouchedPairs(matte.outlineFloor, strokes, W, H));
  lap("spots");

  const surface = readSurface(matte.backdrop, settings.target);
  // The product keeps one RGBA plane (gains applied in place: 80 MB less at 20 MP); tests and the
  // bench's analyses keep the cutout before the gains as well.
  const toned = keep === "output" ? cutout : new Uint8Array(cutout);
  applyGains(toned, 4, surface.gains, live ? { box: live, width: W } : undefined);
  // The merchant's colour pass, after the automatic gains (the browser previews it the same way).
  const colorPass = settings.edits?.color && !isNeutralPass(settings.edits.color) ? settings.edits.color : null;
  if (colorPass) applyColorPass(toned, 4, colorPass);
  lap("gains");

  // Encoders run on libuv's threads: they are started here and awaited at the end, so PNG/JPEG
  // compression overlaps the guards' JavaScript on the other core instead of following it.
  // The cutout carries every correction the composite has (spots, exposure, white balance): one
  // colour whatever background the merchant puts it on. `toned` and `framed` are not written after this point.
  const cutoutPng = encodeCutout(toned, W, H);
  cutoutPng.catch(() => undefined); // awaited below; this only keeps an early rejection from being "unhandled"

  const framed = await frame(toned, img.data, W, H, box, settings);
  const encoded = Promise.all([encodeComposite(framed, settings.format), encodeThumbnail(framed)]);
  encoded.catch(() => undefined);
  lap("compose");

  // The guards compare the original with the result at the original's geometry.
  const [br, bgc, bb] = parseBackground(settings.background);
  const afterImg: Image8 = { width: W, height: H, channels: 3, data: flattenOver(toned, W, H, live, br, bgc, bb) };
  const backdropSrgb = matte.backdrop.atPiece.map((v) => linearToSrgb8(v)) as [number, number, number];
  const guardInput = {
    before: img,
    after: afterImg,
    alpha,
    gains: surface.gains,
    backdrop: backdropSrgb,
    product: settings.product,
    reference: await decodeReference(settings.reference),
    edited: spots.edits.filter((e) => !e.disabled).map((e) => e.box),
  };
  // The guards' warnings, and what the batch guards compare across the batch's photos (run
  // server-side over the stored reports), from one reading of the pair.
  const { warnings, summary: batch } = runGuardsAndSummary(guardInput, settings.guardThresholds);
  // A prop the overall shares miss (small, or opaque rather than hazy) is looked for only when they are quiet.
  const uncertain = cutoutConfidence({ opaque: shares.opaque, haze: networkShares.haze });
  const keptProp = uncertain.length
    ? []
    : keptPropWarning(keptPropSign(coarseCutout(matte.work, alpha, live)) ?? clearedSign(matte.surroundingsCleared));
  warnings.push(...matte.warnings, ...uncertain, ...keptProp);
  lap("guards");

  const [cutoutBytes, [composite, thumbnail]] = await Promise.all([cutoutPng, encoded]);
  // What the encoders still needed once the guards were done (0 when they finished in their shadow).
  lap("encode");

  const framing = framingReport(framed.layout);
  const report: ImageReport = {
    input: {
      width: W,
      height: H,
      format: decoded.format,
      notes: [...decoded.notes, ...surface.notes, ...(framing.note ? [framing.note] : [])],
    },
    segmenter: segment.id ?? "custom",
    timings,
    gains: surface.gains,
    backdrop: {
      color: backdropSrgb,
      uniformity: round(matte.backdrop.uniformity, 4),
      kind: surface.kind,
      neutral: surface.neutral,
      ...(surface.why ? { why: surface.why } : {}),
    },
    edits: spots.edits,
    ...(strokes.length || colorPass
      ? { manual: { strokes: strokes.length, pixelsTouched: touched, color: colorPass } }
      : {}),
    batch,
    measurements: {
      pieceShare: round(share, 5),
      matteFilledShare: round(matte.filledShare, 5),
      matteEdgeShare: round(matte.edgeShare, 5),
      backdropResidual: round(matte.backdrop.residual, 5),
      backdropTrust: round(matte.backdrop.trust, 3),
      surfaceL: round(surface.lab[0], 2),
      surfaceA: round(surface.lab[1], 2),
      surfaceB: round(surface.lab[2], 2),
      textureEnergy: round(spots.texture, 3),
      highlightPixels: spots.highlightPixels,
      spotsRemoved: spots.edits.filter((e) => !e.disabled).length,
    },
    warnings,
    framing: { box, fill: round(framed.fill, 4), ...framing },
  };
  timings.total = Object.values(timings).reduce((a, b) => a + b, 0);
  return {
    output: {
      cutoutPng: cutoutBytes,
      composite: composite.data,
      compositeMime: composite.mime,
      compositeExt: composite.ext,
      thumbnail,
      width: W,
      height: H,
      report,
    },
    internals: { image: img, alpha, cutout, toned, after: afterImg },
  };
}

/**
 * Straight-alpha RGBA over an opaque colour, to RGB: round((c·a + bg·(255 − a)) / 255) in integers
 * ((v + 127) / 255 floored equals Math.round(v / 255) for every integer v, 255 being odd). Most
 * pixels are fully clear or fully opaque and skip the arithmetic. Outside `box` (where α = 0) the
 * frame is the background colour, laid by doubling copies instead of pixel by pixel.
 */
function flattenOver(
  rgba: Uint8Array,
  W: number,
  H: number,
  box: Box | null,
  br: number,
  bg: number,
  bb: number,
): Uint8Array {
  const out = new Uint8Array(W * H * 3);
  if (br === bg && bg === bb) out.fill(br);
  else {
    out[0] = br;
    out[1] = bg;
    out[2] = bb;
    for (let filled = 3; filled < out.length; filled *= 2)
      out.copyWithin(filled, 0, Math.min(filled, out.length - filled));
  }
  if (!box) return out;
  for (let y = box.y; y < box.y + box.h; y++)
    for (let x = box.x, i = y * W + box.x, p = 4 * i, q = 3 * i; x < box.x + box.w; x++, p += 4, q += 3) {
      const a = rgba[p + 3]!;
      if (a === 0) continue;
      if (a === 255) {
        out[q] = rgba[p]!;
        out[q + 1] = rgba[p + 1]!;
        out[q + 2] = rgba[p + 2]!;
      } else {
        const na = 255 - a;
        out[q] = ((rgba[p]! * a + br * na + 127) / 255) | 0;
        out[q + 1] = ((rgba[p + 1]! * a + bg * na + 127) / 255) | 0;
        out[q + 2] = ((rgba[p + 2]! * a + bb * na + 127) / 255) | 0;
      }
    }
  return out;
}

function round(v: number, d: number): number {
  const k = 10 ** d;
  return Math.round(v * k) / k;
}
