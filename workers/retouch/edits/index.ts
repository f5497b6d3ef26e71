// Manual edits (brush strokes, colour pass): see types.ts.
export * from "./types";
export { applyColorPass, colorPassGains, colorPassTables, neutralFrom, whiteBalanceOf, EXPOSURE_RANGE, WB_RANGE } from "./color-pass";
export { applyMaskStrokes, type RefineContext } from "./mask-strokes";
export { strokeCoverage, brushWeight, type Coverage } from "./stroke-coverage";
export { parseEdits, EditsInputError, MAX_POINTS, MAX_RADIUS, MAX_STROKES, DEFAULT_HARDNESS } from "./validate";
