// A collection's approved reference image: the photo the REFERENCE_MISMATCH guard compares a new
// retouch of that collection with. Set from an approved or published photo; one per collection.
import { db } from "../db.server";
import { getStorage } from "../storage";
import { InvalidRequestError } from "./errors";
import type { ReferenceRow } from "./views";

/** For each collection: its reference (if any) and the approved photos that could become it. */
export async function referenceRows(
  shop: string,
  collections: Array<{ id: string; title: string }>,
): Promise<ReferenceRow[]> {
  if (collections.length === 0) return [];
  const client = db();
  const ids = collections.map((c) => c.id);
  const [refs, jobs] = await Promise.all([
    client.collectionReference.findMany({ where: { shop, collectionId: { in: ids } } }),
    client.imageJob.findMany({
      where: {
        shop,
        state: { in: ["approved", "published"] },
        resultId: { not: null },
        batch: { collectionId: { in: ids } },
      },
      select: {
        id: true,
        productTitle: true,
        position: true,
        resultId: true,
        mediaId: true,
        batch: { select: { collectionId: true } },
      },
      orderBy: { updatedAt: "desc" },
      take: 500,
    }),
  ]);
  const results = await client.retouchResult.findMany({
    where: {
      shop,
      OR: [{ id: { in: jobs.map((j) => j.resultId!) } }, { compositeKey: { in: refs.map((r) => r.blobKey) } }],
    },
    select: { id: true, thumbKey: true, compositeKey: true },
  });
  const storage = getStorage();
  return Promise.all(
    collections.map(async (c) => {
      const ref = refs.find((r) => r.collectionId === c.id);
      const refResult = ref ? results.find((r) => r.compositeKey === ref.blobKey) : undefined;
      const refJob = ref ? jobs.find((j) => j.mediaId === ref.mediaId) : undefined;
      const seen = new Set<string>();
      const candidates = jobs
        .filter((j) => j.batch.collectionId === c.id && !seen.has(j.mediaId) && seen.add(j.mediaId))
        .map((j) => ({ imageId: j.id, label: `${j.productTitle}, photo ${j.position + 1}` }));
      return {
        collectionId: c.id,
        title: c.title,
        current: ref
          ? {
              thumbUrl: refResult ? await storage.signedUrl(refResult.thumbKey) : null,
              label: refJob ? `${refJob.productTitle}, photo ${refJob.position + 1}` : "An approved photo",
            }
          : null,
        candidates,
      };
    }),
  );
}

/** Makes an approved or published photo the collection's reference. */
export async function setReference(shop: string, collectionId: string, imageId: string): Promise<void> {
  const client = db();
  const job = await client.imageJob.findFirst({
    where: { id: imageId, shop, state: { in: ["approved", "published"] } },
  });
  const result = job?.resultId ? await client.retouchResult.findFirst({ where: { id: job.resultId, shop } }) : null;
  if (!job || !result) throw new InvalidRequestError("Pick an approved or published photo.");
  const data = { productId: job.productId, mediaId: job.mediaId, blobKey: result.compositeKey };
  await client.collectionReference.upsert({
    where: { shop_collectionId: { shop, collectionId } },
    create: { shop, collectionId, ...data },
    update: data,
  });
}

export async function clearReference(shop: string, collectionId: string): Promise<void> {
  await db().collectionReference.deleteMany({ where: { shop, collectionId } });
}

/** The blob key of the reference of the collection the image's batch was started from, if any. */
export async function referenceKeyForBatch(shop: string, batchId: string): Promise<string | null> {
  const client = db();
  const batch = await client.batch.findFirst({ where: { id: batchId, shop }, select: { collectionId: true } });
  const ref = batch?.collectionId
    ? await client.collectionReference.findFirst({ where: { shop, collectionId: batch.collectionId } })
    : null;
  return ref?.blobKey ?? null;
}
