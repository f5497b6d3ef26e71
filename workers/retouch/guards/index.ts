// Public face of the guards: what the engine, the worker and the check CLI call.
export type { BatchImageSummary, GuardInput, Gains } from "./input";
export { DEFAULT_THRESHOLDS } from "./thresholds";
export { runGuards, runGuardsAndSummary } from "./run";
export { runBatchGuards } from "./batch";
export { shootReport, type ShootImage, type ShootReportItem } from "./shoot-report";
export { summarizeForBatch } from "./summarize";
export { estimateMatte } from "./matte-estimate";
export { checkPair, type CheckOptions, type CheckResult } from "./check-pair";
