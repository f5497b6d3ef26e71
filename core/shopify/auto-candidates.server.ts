// Which photos of a product auto-processing may take: only media added, or replaced by someone other
// than Loupe, since Loupe last saw the product. A products/update that adds no photo (a price or
// inventory edit) yields nothing.
//   • Loupe saw the media at this version, or wrote this version itself → not new.
//   • Loupe saw the media at another version, and the change is not Loupe's write → replaced: new.
//   • Loupe never saw the media, but saw the product → added since: new.
//   • Loupe never saw the product: new when products/create armed it (a new product), or when Shopify
//     created the media around the event that armed it (Shopify's createdAt against Shopify's
//     X-Shopify-Triggered-At); older media are the product's baseline and are only remembered.
import { db } from "../db.server";
import { getAdminClient } from "./admin-client.server";
import { ledgerByMedia, writtenByLoupe } from "./loop-guard.server";
import { listProductImages, type ProductImage } from "./media-pull.server";
import { sameVersion, seenOnProduct, seenVersion, type SeenVersion } from "./seen-media.server";

/** What armed the product for a look (PendingProduct). */
export interface ArmedBy {
  created: boolean;
  /** X-Shopify-Triggered-At of the first event since the last look, as Shopify sent it. */
  eventAt: string | null;
}

export const NOT_ARMED: ArmedBy = { created: false, eventAt: null };

/** A media created this long before the event that armed a never-seen product is still its upload
 *  (Shopify sends the update once processing is done, which can take minutes). */
export const UPLOAD_WINDOW_MS = 15 * 60_000;

export interface CandidateLook {
  /** READY image media to retouch. */
  candidates: ProductImage[];
  /** Every READY image with its version: what Loupe saw in this look. */
  seen: SeenVersion[];
}

export async function newMediaForAutoProcessing(
  shop: string,
  productId: string,
  armed: ArmedBy = NOT_ARMED,
): Promise<ProductImage[]> {
  const images = await listProductImages(await getAdminClient(shop), productId);
  return (await filterCandidates(shop, productId, images, armed)).candidates;
}

export async function mediaStillProcessing(shop: string, productId: string): Promise<number> {
  const images = await listProductImages(await getAdminClient(shop), productId);
  return images.filter((i) => i.status === "UPLOADED" || i.status === "PROCESSING").length;
}

export async function filterCandidates(
  shop: string,
  productId: string,
  images: ProductImage[],
  armed: ArmedBy = NOT_ARMED,
): Promise<CandidateLook> {
  const ready = images.filter((i) => i.status === "READY" && i.url);
  if (ready.length === 0) return { candidates: [], seen: [] };
  const ids = ready.map((i) => i.mediaId);
  const [seen, ledger, jobs] = await Promise.all([
    seenOnProduct(shop, productId),
    ledgerByMedia(shop, ids),
    db().imageJob.findMany({ where: { shop, mediaId: { in: ids } }, select: { mediaId: true, sourceUrl: true } }),
  ]);
  const productSeen = seen.size > 0;
  const candidates = ready.filter((img) => {
    if (writtenByLoupe(ledger.get(img.mediaId) ?? [], img)) return false;
    // A job already made for this very version covers it.
    if (jobs.some((j) => j.mediaId === img.mediaId && j.sourceUrl && sameVersion(j.sourceUrl, img.url))) return false;
    const before = seen.get(img.mediaId);
    if (before) return !sameVersion(before.version, img.url, img.updatedAt);
    if (productSeen || armed.created) return true;
    return createdAround(img.createdAt ?? null, armed.eventAt);
  });
  return { candidates, seen: ready.map(seenVersion).filter((s): s is SeenVersion => s !== null) };
}

/** Both are Shopify's timestamps: the media's createdAt and the event's X-Shopify-Triggered-At. */
function createdAround(createdAt: string | null, eventAt: string | null): boolean {
  if (!createdAt || !eventAt) return false;
  const c = Date.parse(createdAt);
  const e = Date.parse(eventAt);
  return Number.isFinite(c) && Number.isFinite(e) && c >= e - UPLOAD_WINDOW_MS;
}
