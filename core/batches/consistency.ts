// The batch consistency panel's findings: the engine's batch guards (workers/retouch/guards/batch),
// run on the server over the summaries each photo's report carries, with the shop's thresholds. One
// finding per batch guard; a photo whose report has no summary (retouched before summaries were
// recorded) is not compared and is counted as such.
import { runBatchGuards, type BatchImageSummary, type ThresholdOverrides } from "../../workers/retouch/contract";

export interface ConsistencyInput {
  id: string;
  title: string;
  summary: Omit<BatchImageSummary, "id"> | null;
}

export type FindingKey = "exposure" | "background" | "edges" | "framing";

export interface Finding {
  key: FindingKey;
  title: string;
  ok: boolean;
  summary: string;
  outliers: Array<{ id: string; title: string; detail: string }>;
}

const GUARDS: ReadonlyArray<{ key: FindingKey; code: string; title: string; ok: string; detail: string }> = [
  {
    key: "exposure",
    code: "BATCH_EXPOSURE_DRIFT",
    title: "Exposure",
    ok: "Brightness corrections agree across the batch.",
    detail: "needed a much stronger exposure correction than the others",
  },
  {
    key: "background",
    code: "BATCH_BACKGROUND_VARIATION",
    title: "Background",
    ok: "Backgrounds match across the batch.",
    detail: "its background differs from the others'",
  },
  {
    key: "edges",
    code: "BATCH_EDGE_OUTLIER",
    title: "Edges",
    ok: "Outlines are as crisp as the rest of the batch.",
    detail: "much softer outline than the others: check focus and the cut-out",
  },
  {
    key: "framing",
    code: "BATCH_FRAMING",
    title: "Framing",
    ok: "Pieces are framed alike.",
    detail: "piece size or position differs from the others",
  },
];

export function batchConsistency(images: ConsistencyInput[], overrides: ThresholdOverrides = {}): Finding[] {
  const compared = images.filter(
    (i): i is ConsistencyInput & { summary: NonNullable<ConsistencyInput["summary"]> } => i.summary !== null,
  );
  if (compared.length < 2) return [];
  const warnings = runBatchGuards(
    compared.map((i) => ({ id: i.id, ...i.summary })),
    overrides,
  );
  const title = new Map(images.map((i) => [i.id, i.title]));
  const notCompared = images.length - compared.length;
  const tail = notCompared
    ? ` ${notCompared} photo${notCompared > 1 ? "s were" : " was"} retouched before Loupe recorded what it compares, and ${notCompared > 1 ? "are" : "is"} not included.`
    : "";
  return GUARDS.map((g) => {
    const w = warnings.find((x) => x.code === g.code);
    return {
      key: g.key,
      title: g.title,
      ok: !w,
      summary: `${w ? w.message : g.ok} (${compared.length} photos compared.)${tail}`,
      outliers: (w?.imageIds ?? []).map((id) => ({ id, title: title.get(id) ?? id, detail: g.detail })),
    };
  });
}
