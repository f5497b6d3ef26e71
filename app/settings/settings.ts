// A shop's settings: what the engine should produce, guard thresholds, and the auto-processing policy.
import { createHash } from "node:crypto";

export type AutoPolicy = "off" | "hold" | "publish";
export type OutputFormat = "jpg" | "png" | "webp" | "tiff" | "psd";

export interface ShopSettings {
  background: string; // "#rrggbb"
  size: number; // square canvas, px
  marginPct: number; // margin on each side, share of the canvas
  shadow: "soft" | "none";
  format: OutputFormat;
  guardThresholds: Record<string, number>; // overrides of the guards' defaults
  autoPolicy: AutoPolicy;
  dailyCap: number; // auto-processed images per shop per day
}

export const DEFAULT_SETTINGS: ShopSettings = {
  background: "#ffffff",
  size: 2048,
  marginPct: 0.08,
  shadow: "none",
  format: "jpg",
  guardThresholds: {},
  autoPolicy: "hold",
  dailyCap: 500,
};

/** Parses stored/posted settings, keeping only valid values (invalid ones fall back to defaults). */
export function parseSettings(raw: unknown): ShopSettings {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const s = { ...DEFAULT_SETTINGS };
  if (typeof r.background === "string" && /^#[0-9a-f]{6}$/i.test(r.background)) s.background = r.background.toLowerCase();
  if (typeof r.size === "number" && Number.isInteger(r.size) && r.size >= 256 && r.size <= 4096) s.size = r.size;
  if (typeof r.marginPct === "number" && r.marginPct >= 0 && r.marginPct <= 0.3) s.marginPct = r.marginPct;
  if (r.shadow === "soft" || r.shadow === "none") s.shadow = r.shadow;
  if (typeof r.format === "string" && ["jpg", "png", "webp", "tiff", "psd"].includes(r.format)) s.format = r.format as OutputFormat;
  if (r.guardThresholds && typeof r.guardThresholds === "object") {
    s.guardThresholds = Object.fromEntries(
      Object.entries(r.guardThresholds as Record<string, unknown>).filter(([, v]) => typeof v === "number" && Number.isFinite(v)),
    ) as Record<string, number>;
  }
  if (r.autoPolicy === "off" || r.autoPolicy === "hold" || r.autoPolicy === "publish") s.autoPolicy = r.autoPolicy;
  if (typeof r.dailyCap === "number" && Number.isInteger(r.dailyCap) && r.dailyCap >= 0) s.dailyCap = r.dailyCap;
  return s;
}

/** The part of the settings that changes the pixels: jobs with equal hashes produce equal results. */
export function renderSettings(s: ShopSettings) {
  return { background: s.background, size: s.size, marginPct: s.marginPct, shadow: s.shadow, format: s.format, guardThresholds: s.guardThresholds };
}

export function settingsHash(s: ShopSettings, extra: Record<string, unknown> = {}): string {
  const canonical = JSON.stringify(sortKeys({ ...renderSettings(s), ...extra }));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
