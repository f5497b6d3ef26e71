// The ledger key of a write. publishMedia writes at most once per (key, kind, bytes); a job may be
// published, reverted and published again with the same bytes, and each of those is a new write.
// The key carries the number of reverts already completed: a retried write (after a crash or a
// transient error) finds the same key, a publish after a revert gets a new one.
import type { PrismaClient } from "@prisma/client";

export async function ledgerJobKey(db: PrismaClient, shop: string, jobId: string): Promise<string> {
  const reverts = await db.mediaLedger.count({
    where: { shop, jobId: { startsWith: `${jobId}:` }, kind: "revert", state: "ready" },
  });
  return `${jobId}:${reverts}`;
}
