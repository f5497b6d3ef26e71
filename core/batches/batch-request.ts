// What a batch was asked to do, kept in Batch.settings next to the settings snapshot (until the
// schema has columns of its own for it): which media only (auto-processing), and auto-publish.
import { parseSettings, type ShopSettings } from "../settings/settings";
import { safeJson } from "./shop-settings.server";

export interface BatchRequest {
  mediaIds: string[] | null;
  autoPublish: boolean;
}

export function encodeBatchSettings(settings: ShopSettings, req: BatchRequest): string {
  return JSON.stringify({ ...settings, request: req });
}

export function decodeBatchSettings(json: string): { settings: ShopSettings; request: BatchRequest } {
  const raw = (safeJson(json) ?? {}) as Record<string, unknown>;
  const r = (raw.request ?? {}) as Record<string, unknown>;
  const mediaIds = Array.isArray(r.mediaIds) ? r.mediaIds.filter((m): m is string => typeof m === "string") : null;
  return { settings: parseSettings(raw), request: { mediaIds, autoPublish: r.autoPublish === true } };
}
