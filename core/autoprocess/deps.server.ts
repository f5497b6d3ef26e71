// The real services behind auto-processing: the Shopify helper's candidate filter
// (core/shopify/auto-candidates.server.ts: READY image media added or replaced since Loupe last saw
// the product, not written by Loupe) over
// ONE media listing per product, and the queue helper's batch service (createBatch, source "auto").
import { createBatch } from "../batches/service.server";
import { getAdminClient } from "../shopify/admin-client.server";
import { filterCandidates } from "../shopify/auto-candidates.server";
import { listProductImages } from "../shopify/media-pull.server";
import { jobsOf } from "./adapters";
import type { AutoCandidates, AutoDeps } from "./ports";

const STILL_PROCESSING = new Set(["UPLOADED", "PROCESSING"]);

export function defaultAutoDeps(): AutoDeps {
  return {
    async findCandidates(shop, productId, armed): Promise<AutoCandidates> {
      // newMediaForAutoProcessing + mediaStillProcessing would list the product's media twice.
      const images = await listProductImages(await getAdminClient(shop), productId);
      const look = await filterCandidates(shop, productId, images, armed);
      return {
        mediaIds: look.candidates.map((i) => i.mediaId),
        processing: images.filter((i) => STILL_PROCESSING.has(i.status)).length,
        seen: look.seen,
      };
    },
    async createAutoBatch(shop, req) {
      const result = await createBatch(
        shop,
        { productIds: req.productIds },
        { source: "auto", autoPublish: req.autoPublish, mediaIds: req.mediaIds },
      );
      return jobsOf(result, req.mediaIds.length);
    },
  };
}
