// Everything computed once per image pair and shared by the guards, plus helpers to build warnings.
import type { Box, Region, Severity, Warning } from "../types";
import type { Gains, GuardInput } from "./input";
import { maskBox } from "./masks";
import type { Regions } from "./regions";
import type { Thresholds } from "./thresholds";
import type { Work } from "./work";

export interface GuardContext {
  input: GuardInput;
  work: Work;
  regions: Regions;
  gains: Gains;
  t: Thresholds;
  /** Linear RGB of the original shooting surface and of the result's background. */
  backdropLin: [number, number, number];
  studioLin: [number, number, number];
}

/** A working-resolution mask's bounding box in the original image's pixels. */
export function regionOfMask(ctx: GuardContext, mask: Uint8Array): Region {
  const b = maskBox(mask, ctx.work.w, ctx.work.h);
  if (!b) return { kind: "image" };
  return { kind: "box", box: scaleBox(ctx, { x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 }) };
}

export function scaleBox(ctx: GuardContext, b: Box): Box {
  const s = ctx.work.scale;
  const W = ctx.input.before.width;
  const H = ctx.input.before.height;
  const x = Math.min(W, b.x * s + ctx.work.ox);
  const y = Math.min(H, b.y * s + ctx.work.oy);
  return { x, y, w: Math.min(W - x, b.w * s), h: Math.min(H - y, b.h * s) };
}

export function warning(
  code: string,
  severity: Severity,
  message: string,
  value: number,
  threshold: number,
  region: Region,
  measure?: string,
): Warning {
  return measure
    ? { code, severity, message, value: round(value), threshold, region, measure }
    : { code, severity, message, value: round(value), threshold, region };
}

export function round(v: number, d = 3): number {
  const k = 10 ** d;
  return Math.round(v * k) / k;
}

/** Severity for a "bigger is worse" measure, or null when it passes. */
export function grade(value: number, note: number, warn: number): Severity | null {
  if (value > warn) return "warning";
  if (value > note) return "note";
  return null;
}
