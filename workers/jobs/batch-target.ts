// The exposure/white-balance target a batch's photos share (engine: backdrop/batch-target.ts). It is
// computed from the batch's stored originals in a fixed order and kept per batch for the life of the
// process once every photo of the batch has its original stored (from then on every job, in every
// worker process, gets the same target). Nothing is downloaded here: a sibling's download would
// spend that image's own retries. Until all originals are stored, a job gets the target of those
// that are (its own included), computed afresh.
import { batchTarget, type BatchTarget } from "../retouch";
import type { JobContext } from "./context";

const cache = new Map<string, Promise<BatchTarget | undefined>>();
/** Batches remembered at once (oldest forgotten first). */
const CACHE_BATCHES = 32;

export async function targetForBatch(ctx: JobContext, shop: string, batchId: string): Promise<BatchTarget | undefined> {
  const key = `${shop}/${batchId}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const jobs = await ctx.db.imageJob.findMany({
    where: { shop, batchId },
    orderBy: [{ mediaId: "asc" }],
    select: { sourceKey: true },
  });
  if (jobs.length < 2) return undefined;
  const keys = jobs.map((j) => j.sourceKey);
  const target = batchTarget(keys.map((k) => async () => (k ? ctx.storage.get(k) : null)));
  if (keys.every((k) => k !== null)) {
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
