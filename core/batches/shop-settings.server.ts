// A shop's settings (Shop row; auto policy and daily cap also live in their own columns), and the
// settings a run used, stored by their hash so a worker can rebuild exactly what a job asked for.
import { DEFAULT_SETTINGS, parseSettings, settingsHash, type ShopSettings } from "../settings/settings";
import { getStorage } from "../storage";
import type { EditList } from "../../workers/retouch/contract";
import { readStoredEdits } from "./stored-edits";
import { db } from "../db.server";

export interface RunSettings {
  settings: ShopSettings;
  disabledSpots: number[];
  /** The merchant's brush strokes and colour pass (absent: the automatic result). */
  edits?: EditList | null;
}

export async function getShopSettings(shop: string): Promise<ShopSettings> {
  const row = await db().shop.findUnique({ where: { shop } });
  if (!row) return { ...DEFAULT_SETTINGS };
  const s = parseSettings(safeJson(row.settings));
  return { ...s, autoPolicy: parseSettings({ autoPolicy: row.autoPolicy }).autoPolicy, dailyCap: row.dailyCap };
}

export async function saveShopSettings(shop: string, patch: Partial<ShopSettings>): Promise<ShopSettings> {
  const current = await getShopSettings(shop);
  const next = parseSettings({
    ...current,
    ...patch,
    guardThresholds: { ...current.guardThresholds, ...(patch.guardThresholds ?? {}) },
  });
  const data = { settings: JSON.stringify(next), autoPolicy: next.autoPolicy, dailyCap: next.dailyCap };
  await db().shop.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return next;
}

/** Stores the settings as given: guard thresholds left out return to their defaults (the settings form). */
export async function replaceShopSettings(shop: string, given: ShopSettings): Promise<ShopSettings> {
  const next = parseSettings(given);
  const data = { settings: JSON.stringify(next), autoPolicy: next.autoPolicy, dailyCap: next.dailyCap };
  await db().shop.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return next;
}

/** The hash that keys a job's result: the pixel-relevant settings plus the spots the merchant undid. */
export function runHash(run: RunSettings): string {
  const spots = [...new Set(run.disabledSpots)].sort((a, b) => a - b);
  return settingsHash(run.settings, {
    ...(spots.length ? { disabledSpots: spots } : {}),
    ...(run.edits ? { edits: run.edits } : {}),
  });
}

function runKey(shop: string, hash: string): string {
  if (!/^[a-f0-9]{16,64}$/.test(hash)) throw new Error(`not a settings hash: ${hash}`);
  return `${shop}/settings/${hash}.json`;
}

/** Stores the run settings under their hash (idempotent) and returns the hash. */
export async function saveRunSettings(shop: string, given: RunSettings): Promise<string> {
  const run: RunSettings = {
    settings: given.settings,
    disabledSpots: [...new Set(given.disabledSpots)].sort((a, b) => a - b),
    ...(given.edits ? { edits: given.edits } : {}),
  };
  const hash = runHash(run);
  const storage = getStorage();
  const key = runKey(shop, hash);
  if (!(await storage.has(key))) await storage.put(key, Buffer.from(JSON.stringify(run)), "application/json");
  return hash;
}

export async function loadRunSettings(shop: string, hash: string): Promise<RunSettings | null> {
  const bytes = await getStorage().get(runKey(shop, hash));
  if (!bytes) return null;
  const raw = safeJson(bytes.toString("utf8")) as Partial<RunSettings> | null;
  if (!raw) return null;
  const edits = readStoredEdits(raw.edits);
  return {
    settings: parseSettings(raw.settings),
    disabledSpots: Array.isArray(raw.disabledSpots) ? raw.disabledSpots.filter(Number.isInteger) : [],
    ...(edits ? { edits } : {}),
  };
}

export function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
