// Reads an edit list sent by a client (the API's JSON) against the photo's geometry. Anything it
// cannot use exactly is refused with plain words; nothing is silently clamped or dropped.
import { EXPOSURE_RANGE, WB_RANGE } from "./color-pass";
import type { ColorPass, EditList, MaskStroke, StrokeOp } from "./types";

export const MAX_STROKES = 500;
export const MAX_POINTS = 10_000;
export const MAX_RADIUS = 500;
export const DEFAULT_HARDNESS = 0.8;
const OPS: readonly StrokeOp[] = ["erase", "restore", "refine"];

export class EditsInputError extends Error {}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function finite(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new EditsInputError(`${what} must be a number (got ${JSON.stringify(v) ?? String(v)}).`);
  return v;
}

/** `geometry`: the original photo's width and height in pixels. */
export function parseEdits(raw: unknown, geometry: { width: number; height: number }): EditList {
  if (!isObject(raw))
    throw new EditsInputError('Send a JSON object: { "mask": [...], "color": {...} } (either part may be left out).');
  const unknown = Object.keys(raw).filter((k) => k !== "mask" && k !== "color");
  if (unknown.length)
    throw new EditsInputError(`Unknown field "${unknown[0]}": an edit list has only "mask" and "color".`);
  return {
    mask: raw.mask === undefined ? [] : parseMask(raw.mask, geometry),
    color: raw.color === undefined || raw.color === null ? null : parseColor(raw.color),
  };
}

function parseMask(raw: unknown, g: { width: number; height: number }): MaskStroke[] {
  if (!Array.isArray(raw)) throw new EditsInputError('"mask" must be a list of strokes.');
  if (raw.length > MAX_STROKES)
    throw new EditsInputError(
      `Too many strokes: ${raw.length} (at most ${MAX_STROKES}). Merge some strokes and save again.`,
    );
  let total = 0;
  return raw.map((s, n) => {
    const at = `Stroke ${n + 1}`;
    if (!isObject(s)) throw new EditsInputError(`${at} must be an object with "op", "radius" and "points".`);
    if (typeof s.op !== "string" || !OPS.includes(s.op as StrokeOp))
      throw new EditsInputError(`${at}: unknown brush "${String(s.op)}". Use erase, restore or refine.`);
    const radius = finite(s.radius, `${at}: the radius`);
    if (radius <= 0) throw new EditsInputError(`${at}: the radius must be more than 0 pixels (got ${radius}).`);
    if (radius > MAX_RADIUS)
      throw new EditsInputError(`${at}: the radius ${radius} is too large (at most ${MAX_RADIUS} pixels).`);
    const hardness = s.hardness === undefined ? DEFAULT_HARDNESS : finite(s.hardness, `${at}: the hardness`);
    if (hardness < 0 || hardness > 1)
      throw new EditsInputError(`${at}: the hardness must be between 0 and 1 (got ${hardness}).`);
    if (!Array.isArray(s.points) || s.points.length === 0) throw new EditsInputError(`${at} needs at least one point.`);
    total += s.points.length;
    if (total > MAX_POINTS)
      throw new EditsInputError(`Too many points: more than ${MAX_POINTS} in all. Use fewer, longer strokes.`);
    const points = s.points.map((p, k): [number, number] => {
      if (!Array.isArray(p) || p.length !== 2) throw new EditsInputError(`${at}, point ${k + 1}: a point is [x, y].`);
      const x = finite(p[0], `${at}, point ${k + 1}: x`);
      const y = finite(p[1], `${at}, point ${k + 1}: y`);
      if (x < 0 || y < 0 || x > g.width || y > g.height)
        throw new EditsInputError(
          `${at}, point ${k + 1} (${x}, ${y}) is outside the photo (${g.width} × ${g.height} pixels).`,
        );
      return [x, y];
    });
    return { op: s.op as StrokeOp, radius, hardness, points };
  });
}

function parseColor(raw: unknown): ColorPass {
  if (!isObject(raw)) throw new EditsInputError('"color" must be an object with "exposure", "temperature" and "tint".');
  const unknown = Object.keys(raw).filter((k) => !["exposure", "temperature", "tint"].includes(k));
  if (unknown.length)
    throw new EditsInputError(`Unknown colour setting "${unknown[0]}": use exposure, temperature and tint.`);
  const exposure = raw.exposure === undefined ? 0 : finite(raw.exposure, "The exposure");
  const temperature = raw.temperature === undefined ? 0 : finite(raw.temperature, "The temperature");
  const tint = raw.tint === undefined ? 0 : finite(raw.tint, "The tint");
  if (Math.abs(exposure) > EXPOSURE_RANGE)
    throw new EditsInputError(
      `The exposure must be between −${EXPOSURE_RANGE} and +${EXPOSURE_RANGE} stops (got ${exposure}).`,
    );
  if (Math.abs(temperature) > WB_RANGE)
    throw new EditsInputError(`The temperature must be between −${WB_RANGE} and ${WB_RANGE} (got ${temperature}).`);
  if (Math.abs(tint) > WB_RANGE)
    throw new EditsInputError(`The tint must be between −${WB_RANGE} and ${WB_RANGE} (got ${tint}).`);
  return { exposure, temperature, tint };
}
