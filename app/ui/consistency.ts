// The batch consistency panel's findings, computed from the images' reports when the service has no
// batch-level warnings: exposure drift, background variation, edge outliers, framing.
import type { ImageReport } from "../../workers/retouch/report";
import { deltaE00, srgbToLab } from "./color";
import { median } from "../../workers/retouch/guards/batch/median";
import { resolveThresholds } from "../../workers/retouch/guards/thresholds";

export interface ConsistencyInput {
  id: string;
  title: string;
  report: Pick<ImageReport, "gains" | "backdrop" | "framing" | "warnings"> | null;
}

export interface Finding {
  key: "exposure" | "background" | "edges" | "framing";
  title: string;
  ok: boolean;
  summary: string;
  outliers: Array<{ id: string; title: string; detail: string }>;
}

/** The batch guards' limits (workers/retouch/guards/thresholds.ts), with the shop's overrides. */
function limits(overrides: Record<string, number> = {}) {
  const t = resolveThresholds(overrides);
  return { stops: t.batchExposureStops!, bgDeltaE: t.batchBackgroundDeltaE!, fillRel: t.batchFramingFillRel! };
}

export function consistencyFindings(images: ConsistencyInput[], thresholdOverrides: Record<string, number> = {}): Finding[] {
  const t = limits(thresholdOverrides);
  const rs = images.filter((i): i is ConsistencyInput & { report: NonNullable<ConsistencyInput["report"]> } => i.report !== null);
  if (rs.length < 2) return [];

  const stops = rs.map((i) => Math.log2(Math.max(1e-6, i.report.gains.exposure)));
  const mStops = median(stops);
  const exposureOut = rs
    .map((i, k) => ({ i, d: stops[k]! - mStops }))
    .filter((x) => Math.abs(x.d) > t.stops)
    .map(({ i, d }) => ({ id: i.id, title: i.title, detail: `${d > 0 ? "needed" : "was"} ${Math.abs(d).toFixed(1)} stops ${d > 0 ? "more light" : "brighter"} than the others` }));
  const spread = Math.max(...stops) - Math.min(...stops);

  const labs = rs.map((i) => srgbToLab(...i.report.backdrop.color));
  const mLab: [number, number, number] = [median(labs.map((l) => l[0])), median(labs.map((l) => l[1])), median(labs.map((l) => l[2]))];
  const bgDe = labs.map((l) => deltaE00(l, mLab));
  const bgOut = rs
    .map((i, k) => ({ i, d: bgDe[k]! }))
    .filter((x) => x.d > t.bgDeltaE)
    .map(({ i, d }) => ({ id: i.id, title: i.title, detail: `shooting surface differs by ΔE00 ${d.toFixed(1)}` }));

  // Only warnings (over the limit) count as outliers; notes stay on the photo's own page.
  const edgeWarnings = (i: (typeof rs)[number]) => i.report.warnings.filter((w) => w.severity === "warning" && (w.code === "EDGE_SOFT" || w.code === "HALO"));
  const edgeOut = rs.filter((i) => edgeWarnings(i).length > 0).map((i) => ({ id: i.id, title: i.title, detail: edgeWarnings(i).map((w) => w.message).join(" ") }));

  const fills = rs.map((i) => i.report.framing.fill);
  const mFill = median(fills);
  const frameOut = rs
    .map((i) => {
      const rel = mFill > 0 ? i.report.framing.fill / mFill - 1 : 0;
      const parts: string[] = [];
      if (Math.abs(rel) > t.fillRel) parts.push(`the piece fills ${Math.round(Math.abs(rel) * 100)} % ${rel > 0 ? "more" : "less"} of the frame`);
      return { id: i.id, title: i.title, detail: parts.join("; ") };
    })
    .filter((x) => x.detail);

  return [
    {
      key: "exposure",
      title: "Exposure",
      ok: exposureOut.length === 0,
      summary: `Brightness corrections span ${spread.toFixed(2)} stops across ${rs.length} photos (limit ±${t.stops} from the median).`,
      outliers: exposureOut,
    },
    {
      key: "background",
      title: "Background",
      ok: bgOut.length === 0,
      summary: `Shooting surfaces differ by up to ΔE00 ${Math.max(...bgDe).toFixed(1)} from the batch's typical one (limit ${t.bgDeltaE}).`,
      outliers: bgOut,
    },
    {
      key: "edges",
      title: "Edges",
      ok: edgeOut.length === 0,
      summary: edgeOut.length ? `${edgeOut.length} photo(s) have soft edges or a halo: check prongs and chains at 100 %.` : "Edges look as crisp as the originals.",
      outliers: edgeOut,
    },
    {
      key: "framing",
      title: "Framing",
      ok: frameOut.length === 0,
      summary: `Pieces fill a median ${Math.round(mFill * 100)} % of the frame.`,
      outliers: frameOut,
    },
  ];
}
