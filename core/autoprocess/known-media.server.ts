// The scheduler's own loop guard, on top of the candidate filter (core/shopify/auto-candidates.server.ts,
// which judges finished jobs and completed writes by URL and time): a media that has a job still in
// flight, or a Loupe write still in flight, never gets a second job, whatever the lookup returned.
import { db } from "../db.server";

const JOB_IN_FLIGHT = ["queued", "processing", "review", "approved", "publishing"];
const WRITE_DONE = ["ready", "failed"];

export async function knownMediaIds(shop: string, mediaIds: string[]): Promise<Set<string>> {
  if (mediaIds.length === 0) return new Set();
  const prisma = db();
  const [jobs, ledger] = await Promise.all([
    prisma.imageJob.findMany({
      where: { shop, mediaId: { in: mediaIds }, state: { in: JOB_IN_FLIGHT } },
      select: { mediaId: true },
    }),
    prisma.mediaLedger.findMany({
      where: { shop, mediaId: { in: mediaIds }, state: { notIn: WRITE_DONE } },
      select: { mediaId: true },
    }),
  ]);
  return new Set([...jobs, ...ledger].map((r) => r.mediaId));
}
