// The shop-task task: work a webhook handed over (core/shopify/shop-tasks.server.ts).
//  - redact: shop/redact — every row and blob of the shop, only while it is still uninstalled;
//  - bulk-finished: bulk_operations/finish — wakes this process's wait for that bulk operation.
import { redactShop } from "../../core/privacy/redact.server";
import { notifyBulkFinished } from "../../core/shopify/bulk.server";
import type { ClaimedTask } from "../../core/queue/job-queue";
import { PermanentJobError, type JobContext } from "./context";

export async function runShopTask(ctx: JobContext, task: ClaimedTask): Promise<void> {
  const { db } = ctx;
  const row = await db.shopTask.findUnique({ where: { id: task.id } });
  if (!row || row.state !== "processing" || row.processedBy !== task.workerId) return;
  let note: string | null = null;
  if (row.kind === "redact") {
    const installed = await db.session.count({ where: { shop: row.shop, isOnline: false } });
    if (installed > 0) note = "The shop installed Loupe again before its data was deleted: nothing was deleted.";
    else await redactShop(row.shop);
  } else if (row.kind === "bulk-finished") {
    const id = (JSON.parse(row.payload) as { id?: unknown }).id;
    if (typeof id === "string") notifyBulkFinished(row.shop, id);
  } else {
    throw new PermanentJobError(`Loupe does not know the task "${row.kind}".`);
  }
  await db.shopTask.updateMany({
    where: { id: row.id, processedBy: task.workerId, state: "processing" },
    data: { state: "done", leaseUntil: null, lastError: note },
  });
}
