// What a merchant does to a whole batch, and what uninstall does to a shop.
import { db } from "../db.server";
import { enqueue } from "./enqueue.server";
import { requireBatch } from "./move.server";

/** Review images whose guards raised no `warning` (notes do not count) → approved. */
export async function approveAllWithoutWarnings(shop: string, batchId: string): Promise<number> {
  await requireBatch(shop, batchId);
  const res = await db().imageJob.updateMany({
    where: { shop, batchId, state: "review", warningCount: 0 },
    data: { state: "approved" },
  });
  return res.count;
}

/** Every approved image of the batch → publishing, one publish task each. */
export async function publishApproved(shop: string, batchId: string): Promise<number> {
  await requireBatch(shop, batchId);
  const client = db();
  const jobs = await client.imageJob.findMany({
    where: { shop, batchId, state: "approved", resultId: { not: null }, publishedSha: null },
    select: { id: true },
  });
  const ids = jobs.map((j) => j.id);
  if (ids.length === 0) return 0;
  await client.imageJob.updateMany({
    where: { id: { in: ids }, state: "approved" },
    data: { state: "publishing", leaseUntil: null, runAfter: new Date(), attempts: 0, lastError: null },
  });
  const moved = await client.imageJob.findMany({
    where: { id: { in: ids }, state: "publishing", leaseUntil: null },
    select: { id: true },
  });
  await enqueue(moved.map((j, i) => ({ kind: "publish" as const, id: j.id, shop, attempt: 0, priority: i + 1 })));
  return moved.length;
}

const CANCELLED = "Cancelled before it was retouched.";

/** Stops a batch: nothing more is pulled or retouched (images already in flight finish into review). */
export async function cancelBatch(shop: string, batchId: string): Promise<void> {
  await requireBatch(shop, batchId);
  const client = db();
  await client.batch.updateMany({
    where: { id: batchId, shop, status: { in: ["pulling", "running"] } },
    data: { status: "cancelled" },
  });
  await client.imageJob.updateMany({
    where: { shop, batchId, state: { in: ["queued", "failed"] } },
    data: { state: "rejected", lastError: CANCELLED, leaseUntil: null },
  });
}

/** The shop uninstalled: cancel its batches, drop its queued work and its pending publishes. */
export async function cancelShopJobs(shop: string): Promise<void> {
  const client = db();
  await client.batch.updateMany({
    where: { shop, status: { in: ["pulling", "running"] } },
    data: { status: "cancelled" },
  });
  await client.imageJob.updateMany({
    where: { shop, state: "queued" },
    data: { state: "rejected", lastError: CANCELLED, leaseUntil: null },
  });
  await client.imageJob.updateMany({
    where: { shop, state: "publishing", OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date() } }] },
    data: { state: "failed", lastError: "Not written to Shopify: the app was uninstalled.", leaseUntil: null },
  });
}
