// The per-shop daily cap: how many auto jobs (one job = one image) a shop may still get today (UTC).
// An auto batch counts for what it was asked to cover (its media ids), even before its jobs exist:
// the batch service may create the jobs asynchronously, after the tick that asked for them.
import { db } from "../db.server";
import { decodeBatchSettings } from "../batches/batch-request";
import { startOfUtcDay } from "./day";

export async function autoJobsToday(shop: string, now: Date): Promise<number> {
  const batches = await db().batch.findMany({
    where: { shop, source: "auto", createdAt: { gte: startOfUtcDay(now) } },
    select: { total: true, settings: true, _count: { select: { jobs: true } } },
  });
  let used = 0;
  for (const b of batches) {
    const requested = decodeBatchSettings(b.settings).request.mediaIds?.length ?? 0;
    used += Math.max(b.total, b._count.jobs, requested);
  }
  return used;
}

export async function remainingToday(shop: string, dailyCap: number, now: Date): Promise<number> {
  return Math.max(0, dailyCap - (await autoJobsToday(shop, now)));
}
