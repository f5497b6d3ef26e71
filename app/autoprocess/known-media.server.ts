// Loop guard inside the scheduler: media that already have a job, or that Loupe itself wrote to
// Shopify (the ledger), never start new auto work, whatever the candidate lookup returned.
import { db } from "./db.server";

export async function knownMediaIds(shop: string, mediaIds: string[]): Promise<Set<string>> {
  if (mediaIds.length === 0) return new Set();
  const prisma = await db();
  const [jobs, ledger] = await Promise.all([
    prisma.imageJob.findMany({ where: { shop, mediaId: { in: mediaIds } }, select: { mediaId: true } }),
    prisma.mediaLedger.findMany({ where: { shop, mediaId: { in: mediaIds } }, select: { mediaId: true } }),
  ]);
  return new Set([...jobs, ...ledger].map((r) => r.mediaId));
}
