// Reports are stored under content-addressed keys (blobKey: shop/kind/sha256), so the bytes behind a
// key never change: parsed reports can be kept in memory. The batch page reads every finished image's
// report on each poll while a batch runs; without this each poll re-reads and re-parses them all.
import type { Storage } from "../storage/storage";
import { safeJson } from "./shop-settings.server";

const MAX_ENTRIES = 2000;
const cache = new Map<string, unknown>();

export async function readReport(storage: Storage, key: string): Promise<unknown | null> {
  if (cache.has(key)) {
    const hit = cache.get(key);
    cache.delete(key); // refresh its place: the Map's order is the eviction order
    cache.set(key, hit);
    return hit;
  }
  const bytes = await storage.get(key);
  if (!bytes) return null; // not cached: it may appear later
  const report = safeJson(bytes.toString("utf8"));
  cache.set(key, report);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return report;
}
