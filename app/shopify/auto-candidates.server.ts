// Which media of a product auto-processing may pick up: READY image media that Loupe did not write
// (loop guard, see loop-guard.server.ts) and that have no job since their last change.
import prisma from "../db.server";
import { getAdminClient } from "./admin-client.server";
import { ledgerByMedia, writtenByLoupe } from "./loop-guard.server";
import { listProductImages, type ProductImage } from "./media-pull";

export async function newMediaForAutoProcessing(shop: string, productId: string): Promise<ProductImage[]> {
  const images = await listProductImages(await getAdminClient(shop), productId);
  return filterCandidates(shop, images);
}

export async function mediaStillProcessing(shop: string, productId: string): Promise<number> {
  const images = await listProductImages(await getAdminClient(shop), productId);
  return images.filter((i) => i.status === "UPLOADED" || i.status === "PROCESSING").length;
}

export async function filterCandidates(shop: string, images: ProductImage[]): Promise<ProductImage[]> {
  const ready = images.filter((i) => i.status === "READY" && i.url);
  if (ready.length === 0) return [];
  const ids = ready.map((i) => i.mediaId);
  const [ledger, jobs] = await Promise.all([
    ledgerByMedia(shop, ids),
    prisma.imageJob.findMany({ where: { shop, mediaId: { in: ids } }, select: { mediaId: true, createdAt: true, sourceUrl: true } }),
  ]);
  return ready.filter((img) => {
    if (writtenByLoupe(ledger.get(img.mediaId) ?? [], img)) return false;
    const changedAt = img.updatedAt ? new Date(img.updatedAt).getTime() : 0;
    // A job made after the media last changed (or for this very URL) already covers it.
    const covered = jobs.some((j) => j.mediaId === img.mediaId && (j.createdAt.getTime() >= changedAt || j.sourceUrl === img.url));
    return !covered;
  });
}
