// What auto-processing last did for a shop, for the home page: when it last looked at the shop's
// products (the newest SeenMedia row) and the last auto batch it made.
import { db } from "../db.server";
import { lastLookAt } from "../shopify/seen-media.server";

export interface AutoActivity {
  /** ISO time of the last look at a product (null: never). */
  lastRunAt: string | null;
  lastBatch: { id: string; title: string; createdAt: string; total: number } | null;
}

export async function getAutoActivity(shop: string): Promise<AutoActivity> {
  const [looked, batch] = await Promise.all([
    lastLookAt(shop),
    db().batch.findFirst({
      where: { shop, source: "auto" },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, createdAt: true, total: true },
    }),
  ]);
  const lastRun =
    [looked, batch?.createdAt ?? null]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return {
    lastRunAt: lastRun?.toISOString() ?? null,
    lastBatch: batch
      ? { id: batch.id, title: batch.title, createdAt: batch.createdAt.toISOString(), total: batch.total }
      : null,
  };
}

/** "Last run 5 minutes ago." in plain words (relative to `now`). */
export function describeLastRun(lastRunAt: string | null, now = new Date()): string {
  if (!lastRunAt) return "Auto-processing has not looked at any product yet.";
  const mins = Math.max(0, Math.round((now.getTime() - Date.parse(lastRunAt)) / 60_000));
  if (mins < 1) return "Last run just now.";
  if (mins < 60) return `Last run ${mins} minute${mins === 1 ? "" : "s"} ago.`;
  const hours = Math.round(mins / 60);
  if (hours < 48) return `Last run ${hours} hour${hours === 1 ? "" : "s"} ago.`;
  return `Last run ${Math.round(hours / 24)} days ago.`;
}
