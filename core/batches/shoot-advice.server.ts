// The batch's shoot report: what the photos say about the shoot (dust, uneven backdrop, exposure and
// white-balance spread, resolution), each with a tip — from the engine's per-image reports.
import { shootReport, type ImageReport, type ShootReportItem } from "../../workers/retouch/contract";

export function shootAdvice(
  reports: Array<ImageReport | null>,
  outputSize: number,
  upscale = false,
): ShootReportItem[] {
  const images = reports
    .filter((r): r is ImageReport => r !== null)
    .map((r, k) => ({
      id: String(k),
      // What the photo can deliver: the canvas side its piece's pixels support (compose/layout.ts), when
      // the report has it: a large photo of a small piece is as short of pixels as a small photo.
      ...(r.framing.supported
        ? { width: r.framing.supported, height: r.framing.supported }
        : { width: r.input.width, height: r.input.height }),
      // Suggestions the engine held back (not applied) are not dust it found.
      dustCount: r.edits.filter((e) => !e.held).length,
      backdropUniformity: r.backdrop.uniformity,
      exposure: r.gains.exposure,
      whiteBalance: r.gains.whiteBalance,
    }));
  return shootReport({ images, outputSize, upscale });
}
