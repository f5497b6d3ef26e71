// A batch's photos in the order the batch grid shows them (product title, product, position): the
// review page's previous / next, and where approve or reject moves on to.
import { db } from "../db.server";
import { isJobState } from "./job-states";
import { nextToReview, reviewNeighbours, type OrderedImage, type ReviewNeighbours } from "./review-order";

export const BATCH_IMAGE_ORDER = [
  { productTitle: "asc" as const },
  { productId: "asc" as const },
  { position: "asc" as const },
];

export async function batchOrder(shop: string, batchId: string): Promise<OrderedImage[]> {
  const rows = await db().imageJob.findMany({
    where: { batchId, shop },
    orderBy: BATCH_IMAGE_ORDER,
    select: { id: true, state: true },
  });
  return rows.map((r) => ({ id: r.id, state: isJobState(r.state) ? r.state : "failed" }));
}

export async function neighboursInBatch(shop: string, batchId: string, imageId: string): Promise<ReviewNeighbours> {
  return reviewNeighbours(await batchOrder(shop, batchId), imageId);
}

/** After a decision on `imageId`: the next photo of its batch still waiting for review, or null. */
export async function nextToReviewAfter(shop: string, imageId: string): Promise<string | null> {
  const job = await db().imageJob.findFirst({ where: { id: imageId, shop }, select: { batchId: true } });
  return job ? nextToReview(await batchOrder(shop, job.batchId), imageId) : null;
}
