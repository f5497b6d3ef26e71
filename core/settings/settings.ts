// A shop's settings: what the engine should produce (checked by the engine's schema,
// workers/retouch/settings.ts, field by field), guard thresholds, and the auto-processing policy.
import { createHash } from "node:crypto";
import * as v from "valibot";
import { DEFAULT_SETTINGS as ENGINE_DEFAULTS, RenderFields, settingsMessage } from "../../workers/retouch/contract";
import { InvalidRequestError } from "../batches/errors";

export const AUTO_POLICIES = ["off", "hold", "publish"] as const;
export type AutoPolicy = (typeof AUTO_POLICIES)[number];

export const ShopSettingsSchema = v.object({
  background: RenderFields.background,
  size: RenderFields.size,
  marginPct: RenderFields.marginPct,
  shadow: RenderFields.shadow,
  shadowStrength: RenderFields.shadowStrength,
  upscale: RenderFields.upscale,
  format: RenderFields.format,
  guardThresholds: RenderFields.guardThresholds,
  autoPolicy: v.picklist(
    AUTO_POLICIES,
    (i) => `The auto policy ${JSON.stringify(i.input)} is not supported. Choose off, hold or publish.`,
  ),
  dailyCap: v.pipe(
    v.number((i) => `The daily cap ${String(i.input)} must be a whole number of images, 0 or more.`),
    v.integer((i) => `The daily cap ${String(i.input)} must be a whole number of images, 0 or more.`),
    v.minValue(0, (i) => `The daily cap ${String(i.input)} must be a whole number of images, 0 or more.`),
  ),
});
export type ShopSettings = v.InferOutput<typeof ShopSettingsSchema>;
export type OutputFormat = ShopSettings["format"];

export const DEFAULT_SETTINGS: ShopSettings = {
  background: ENGINE_DEFAULTS.background,
  size: ENGINE_DEFAULTS.size,
  marginPct: ENGINE_DEFAULTS.marginPct,
  shadow: ENGINE_DEFAULTS.shadow,
  shadowStrength: ENGINE_DEFAULTS.shadowStrength,
  upscale: ENGINE_DEFAULTS.upscale,
  format: ENGINE_DEFAULTS.format,
  guardThresholds: ENGINE_DEFAULTS.guardThresholds,
  autoPolicy: "hold",
  dailyCap: 500,
};

/**
 * Stored or posted settings over the defaults (a missing field takes its default). A bad field is
 * refused, never replaced: InvalidRequestError with the schema's message for each (→ 400).
 */
export function parseSettings(raw: unknown): ShopSettings {
  const given = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const present = Object.fromEntries(Object.entries(given).filter(([, x]) => x !== undefined && x !== null));
  const r = v.safeParse(ShopSettingsSchema, { ...DEFAULT_SETTINGS, ...present });
  if (!r.success) throw new InvalidRequestError(settingsMessage(r.issues));
  return r.output;
}

/**
 * The part of the settings that changes the pixels: jobs with equal hashes produce equal results.
 * The shadow's strength counts only when there is a shadow, so turning it while the shadow is off
 * re-renders nothing.
 */
export function renderSettings(s: ShopSettings) {
  return {
    background: s.background,
    size: s.size,
    marginPct: s.marginPct,
    shadow: s.shadow,
    shadowStrength: s.shadow === "none" ? ENGINE_DEFAULTS.shadowStrength : s.shadowStrength,
    upscale: s.upscale,
    format: s.format,
    guardThresholds: s.guardThresholds,
  };
}

export function settingsHash(s: ShopSettings, extra: Record<string, unknown> = {}): string {
  const canonical = JSON.stringify(sortKeys({ ...renderSettings(s), ...extra }));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === "object")
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]),
    );
  return x;
}
