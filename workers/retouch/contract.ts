// The engine's contract with the rest of Loupe: what the web app (app/), the shared services (core/)
// and the worker (workers/) may know of it. Report and warning types, the settings schema and its
// ranges, guard thresholds, the batch guards over stored summaries, the layout's placement rule, the
// colour helpers the review page draws with, and the manual edits (edit lists, their validation, the
// colour pass the editor previews with the engine's own code, Match reference). Everything here is
// plain TypeScript (no sharp, no ONNX, no worker threads), so it is safe in the browser bundle; the
// runtime (the pool that retouches) is index.ts.
export type { ImageReport, RetouchOutput, SpotEdit } from "./report";
export type { Box, Image8, Plane, ProductContext, Region, Warning } from "./types";
export {
  DEFAULT_SETTINGS,
  MARGIN_RANGE,
  OUTPUT_FORMATS,
  RenderFields,
  RenderSettingsSchema,
  SHADOWS,
  SIZE_RANGE,
  parseBackground,
  resolveSettings,
  settingsMessage,
  type BatchTarget,
  type OutputFormat,
  type RenderSettings,
  type RetouchSettings,
} from "./settings";
export {
  DEFAULT_THRESHOLDS,
  THRESHOLD_KEYS,
  isThresholdKey,
  type ThresholdKey,
  type ThresholdOverrides,
  type Thresholds,
} from "./guards/thresholds";
export type { BatchImageSummary } from "./guards/input";
export { runBatchGuards } from "./guards/batch";
export { shootReport, type ShootImage, type ShootReportItem } from "./guards/shoot-report";
export { RetouchInputError } from "./errors";
export { deltaE2000, linearRgbToLab, srgbToLinear } from "./color";
export { hasEdits, isNeutralPass, type ColorPass, type EditList, type MaskStroke, type StrokeOp } from "./edits/types";
export { EditsInputError, parseEdits } from "./edits/validate";
export { EXPOSURE_RANGE, WB_RANGE, applyColorPass, neutralFrom } from "./edits/color-pass";
export { matchReference, type ReferenceMatch } from "./edits/match-reference";
export { placeOnAxis } from "./compose/layout";
