// What the caller chooses, and the one schema that checks it: the CLI, the web app (a shop's settings,
// app/settings) and the engine all validate through here, with one range and one message per field.
// Defaults give a white-background square JPEG at up to 2048 px (smaller when the photo has fewer
// pixels: nothing is enlarged unless `upscale` is set).
import * as v from "valibot";
import type { ProductContext } from "./types";
import { RetouchInputError } from "./errors";
import { isThresholdKey, type ThresholdOverrides } from "./guards/thresholds";
import type { EditList } from "./edits/types";

/** A batch's shared exposure/white-balance target: what every backdrop in it should become. */
export interface BatchTarget {
  /** Linear RGB the shooting surface is mapped to (before the background is replaced). */
  backdropLinear: [number, number, number];
}

export const OUTPUT_FORMATS = ["jpg", "png", "webp", "tiff", "psd"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const SHADOWS = ["soft", "none"] as const;

/** The ranges the schema enforces (the settings form shows the same). */
export const SIZE_RANGE = { min: 64, max: 8192 } as const;
/** Margin on each side, as a share of the canvas: from min up to (not including) below. */
export const MARGIN_RANGE = { min: 0, below: 0.45 } as const;

const BACKGROUND = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const show = (x: unknown) => (typeof x === "string" ? `"${x}"` : String(x));

/** One message per field, whatever check of that field failed. */
const MESSAGES = {
  background: (x: unknown) => `The background ${show(x)} is not a color. Use a hex color like #ffffff, or transparent.`,
  size: (x: unknown) =>
    `The output size ${show(x)} is out of range. Choose a whole number of pixels between ${SIZE_RANGE.min} and ${SIZE_RANGE.max}.`,
  marginPct: (x: unknown) =>
    `The margin ${show(x)} is out of range. Choose a margin from ${MARGIN_RANGE.min} up to ${MARGIN_RANGE.below}.`,
  shadow: (x: unknown) => `The shadow ${show(x)} is not supported. Choose ${SHADOWS.join(" or ")}.`,
  shadowStrength: (x: unknown) => `The shadow strength ${show(x)} is out of range. Choose a strength between 0 and 1.`,
  upscale: () => "Upscaling is either on (true) or off (false).",
  format: (x: unknown) =>
    `The format ${show(x)} is not supported. Choose ${OUTPUT_FORMATS.slice(0, -1).join(", ")} or ${OUTPUT_FORMATS.at(-1)}.`,
  thresholdKey: (k: string) => `"${k}" is not a guard threshold.`,
  thresholdValue: (k: string, x: unknown) => `The guard threshold ${k} must be a number (got ${show(x)}).`,
} as const;

type Msg = (issue: { input: unknown }) => string;
const msg =
  (f: (x: unknown) => string): Msg =>
  (issue) =>
    f(issue.input);

const number = (f: (x: unknown) => string) => v.pipe(v.number(msg(f)), v.finite(msg(f)));

/** Guard threshold overrides: a closed set of keys (guards/thresholds.ts), finite numbers. */
export const GuardThresholdsSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const out: ThresholdOverrides = {};
    for (const [k, x] of Object.entries(dataset.value)) {
      if (!isThresholdKey(k)) addIssue({ message: MESSAGES.thresholdKey(k) });
      else if (typeof x !== "number" || !Number.isFinite(x)) addIssue({ message: MESSAGES.thresholdValue(k, x) });
      else out[k] = x;
    }
    return Object.keys(out).length === Object.keys(dataset.value).length ? out : NEVER;
  }),
);

/** The fields that change the pixels, each with its check. */
export const RenderFields = {
  background: v.pipe(
    v.string(msg(MESSAGES.background)),
    v.trim(),
    v.check((s) => s === "transparent" || BACKGROUND.test(s), msg(MESSAGES.background)),
    v.toLowerCase(),
  ),
  size: v.pipe(
    number(MESSAGES.size),
    v.integer(msg(MESSAGES.size)),
    v.minValue(SIZE_RANGE.min, msg(MESSAGES.size)),
    v.maxValue(SIZE_RANGE.max, msg(MESSAGES.size)),
  ),
  marginPct: v.pipe(
    number(MESSAGES.marginPct),
    v.minValue(MARGIN_RANGE.min, msg(MESSAGES.marginPct)),
    v.ltValue(MARGIN_RANGE.below, msg(MESSAGES.marginPct)),
  ),
  shadow: v.picklist(SHADOWS, msg(MESSAGES.shadow)),
  shadowStrength: v.pipe(
    number(MESSAGES.shadowStrength),
    v.minValue(0, msg(MESSAGES.shadowStrength)),
    v.maxValue(1, msg(MESSAGES.shadowStrength)),
  ),
  upscale: v.boolean(msg(MESSAGES.upscale)),
  format: v.picklist(OUTPUT_FORMATS, msg(MESSAGES.format)),
  guardThresholds: GuardThresholdsSchema,
} as const;

export const RenderSettingsSchema = v.object(RenderFields);
export type RenderSettings = v.InferOutput<typeof RenderSettingsSchema>;

export interface RetouchSettings extends RenderSettings {
  target?: BatchTarget;
  /**
   * Spot ids whose default the merchant flipped (spots/clean.ts): a removed spot left as shot, or a
   * suggestion the engine held back (`held`) removed after all.
   */
  disabledSpots?: number[];
  product?: ProductContext;
  reference?: Uint8Array | null;
  /** The merchant's brush strokes and colour pass (workers/retouch/edits). */
  edits?: EditList;
}

export const DEFAULT_SETTINGS: RenderSettings = {
  background: "#ffffff",
  size: 2048,
  marginPct: 0.08,
  shadow: "none",
  shadowStrength: 0.5,
  upscale: false,
  format: "jpg",
  guardThresholds: {},
};

/** The settings' issues as one sentence each, joined: what the merchant or the caller reads. */
export function settingsMessage(issues: ReadonlyArray<{ message: string }>): string {
  return [...new Set(issues.map((i) => i.message))].join(" ");
}

/** Checks a value against a schema; a bad one throws BAD_SETTINGS with the fields' messages. */
export function parseWith<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, raw);
  if (!r.success) throw new RetouchInputError("BAD_SETTINGS", settingsMessage(r.issues));
  return r.output;
}

/** Background as 8-bit RGBA; "transparent" or #rrggbbaa give alpha for PNG/WebP/TIFF output. */
export function parseBackground(s: string): [number, number, number, number] {
  if (s === "transparent") return [255, 255, 255, 0];
  const m = BACKGROUND.exec(s.trim());
  if (!m) throw new RetouchInputError("BAD_SETTINGS", MESSAGES.background(s));
  let h = m[1]!;
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  const x = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return [x(0), x(2), x(4), h.length === 8 ? x(6) : 255];
}

/** The caller's settings over the defaults, checked (BAD_SETTINGS names every bad field). */
export function resolveSettings(partial?: Partial<RetouchSettings>): RetouchSettings {
  const { target, disabledSpots, product, reference, edits, ...render } = partial ?? {};
  const checked = parseWith(RenderSettingsSchema, { ...DEFAULT_SETTINGS, ...stripUndefined(render) });
  return { ...checked, ...stripUndefined({ target, disabledSpots, product, reference, edits }) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;
}
