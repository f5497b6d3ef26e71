// Webhook work too heavy (or in the wrong process) for the request: a ShopTask row and a queue task
// (kind `shop-task`) for the workers; the webhook answers 200 at once. workers/jobs/shop-task.ts runs them.
import { db } from "../db.server";
import { enqueue } from "../batches/enqueue.server";

export type ShopTaskKind = "redact" | "bulk-finished";

export async function enqueueShopTask(
  shop: string,
  kind: ShopTaskKind,
  payload: Record<string, unknown> = {},
): Promise<string> {
  const row = await db().shopTask.create({ data: { shop, kind, payload: JSON.stringify(payload) } });
  await enqueue([{ kind: "shop-task", id: row.id, shop }]);
  return row.id;
}
