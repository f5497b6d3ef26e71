// The exposure/white-balance target a batch's photos share (engine: backdrop/batch-target.ts). It is
// computed from stored originals in a fixed order (by storage key) and kept per batch for the life
// of the process once every photo of the batch has its original stored (from then on every job, in
// every worker process, gets the same target). Nothing is downloaded here: a sibling's download would
// spend that image's own retries. Until all originals are stored, a job gets the target of those
// that are (its own included), computed afresh.
//
// A batch started from a collection shares its target with the collection: the photos of the shop's
// earlier batches of that collection vote too (each stored original once), so a later run of the
// collection — or of the products added to it — comes out at the exposure and white balance of the
// first. A later batch never changes an earlier batch's target: only batches created before (or
// with) this one count.
import { batchTarget, type BatchTarget } from "../retouch";
import type { JobContext } from "./context";

const cache = new Map<string, Promise<BatchTarget | undefined>>();
/** Batches remembered at once (oldest forgotten first). */
const CACHE_BATCHES = 32;

export interface TargetBatch {
  id: string;
  collectionId: string | null;
  createdAt: Date;
}

export async function targetForBatch(
  ctx: JobContext,
  shop: string,
  batch: TargetBatch,
): Promise<BatchTarget | undefined> {
  const key = `${shop}/${batch.id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const own = await ctx.db.imageJob.findMany({ where: { shop, batchId: batch.id }, select: { sourceKey: true } });
  const earlier = batch.collectionId
    ? await ctx.db.imageJob.findMany({
        where: {
          shop,
          batchId: { not: batch.id },
          sourceKey: { not: null },
          batch: { collectionId: batch.collectionId, createdAt: { lte: batch.createdAt } },
        },
        select: { sourceKey: true },
      })
    : [];
  const stored = [...new Set([...own, ...earlier].flatMap((j) => (j.sourceKey ? [j.sourceKey] : [])))].sort();
  const missing = own.filter((j) => !j.sourceKey).length;
  if (stored.length + missing < 2) return undefined;
  const target = batchTarget(stored.map((k) => () => ctx.storage.get(k)));
  if (missing === 0) {
    cache.set(key, target);
    target.catch(() => cache.delete(key));
    if (cache.size > CACHE_BATCHES) cache.delete(cache.keys().next().value!);
  }
  return target;
}

/** For tests: forget every batch's target. */
export function forgetBatchTargets(): void {
  cache.clear();
}
