// What the auto-processor needs from the rest of the app, as plain function types, so the scheduler
// can be driven by the real Shopify/batch services in production and by fakes in tests.

import type { ArmedBy } from "../shopify/auto-candidates.server";
import type { SeenVersion } from "../shopify/seen-media.server";

/** Media of one product that Loupe may auto-process now. */
export interface AutoCandidates {
  /** READY image media added or replaced (not by Loupe) since Loupe last saw the product (gids). */
  mediaIds: string[];
  /** Image media still being processed by Shopify: look at the product again later. */
  processing: number;
  /** Every READY image with its version, remembered once the look is settled (absent: nothing to remember). */
  seen?: SeenVersion[];
}

export type FindCandidates = (shop: string, productId: string, armed: ArmedBy) => Promise<AutoCandidates>;

export interface AutoBatchRequest {
  productIds: string[];
  mediaIds: string[];
  autoPublish: boolean;
}

/** Creates one "auto" batch whose jobs cover exactly `mediaIds`. Returns the batch id and job count. */
export type CreateAutoBatch = (shop: string, req: AutoBatchRequest) => Promise<{ batchId: string; jobs: number }>;

export interface AutoDeps {
  findCandidates: FindCandidates;
  createAutoBatch: CreateAutoBatch;
}
