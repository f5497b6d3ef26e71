// What a merchant does to one image: approve, reject, publish, revert, re-run.
import type { ShopSettings } from "../settings/settings";
import { db } from "../db.server";
import { enqueue } from "./enqueue.server";
import { InvalidRequestError } from "./errors";
import { InvalidTransitionError } from "./job-states";
import { findImage, moveImage } from "./move.server";
import { loadRunSettings, getShopSettings, saveRunSettings } from "./shop-settings.server";
import type { ImageView } from "./views";
import { hasEdits, type EditList } from "../../workers/retouch/contract";

export async function approveImage(shop: string, imageId: string): Promise<ImageView> {
  return moveImage(shop, imageId, ["review", "approved"]);
}

export async function rejectImage(shop: string, imageId: string): Promise<ImageView> {
  const job = await findImage(shop, imageId);
  const path =
    job.state === "approved"
      ? ["approved", "rejected"]
      : job.state === "failed"
        ? ["failed", "rejected"]
        : job.state === "queued"
          ? ["queued", "rejected"]
          : ["review", "rejected"];
  return moveImage(shop, imageId, path as ["review", "rejected"], { leaseUntil: null });
}

/** Approved (or in review: approve and publish) → publishing; a worker writes it to Shopify once. */
export async function publishImage(shop: string, imageId: string): Promise<ImageView> {
  const view = await moveImage(
    shop,
    imageId,
    ["review", "approved", "publishing"],
    { leaseUntil: null, runAfter: new Date(), attempts: 0, lastError: null },
    (job) => {
      if (!job.resultId) throw new InvalidRequestError("This image has no retouched result to publish yet.");
      if (job.publishedSha) throw new InvalidTransitionError("published", "publishing");
    },
  );
  await enqueue([{ kind: "publish", id: imageId, shop, attempt: 0 }]);
  return view;
}

/** Published → publishing (with publishedSha still set: the worker writes the original back) → reverted. */
export async function revertImage(shop: string, imageId: string): Promise<ImageView> {
  const view = await moveImage(
    shop,
    imageId,
    ["published", "publishing"],
    { leaseUntil: null, runAfter: new Date(), attempts: 0, lastError: null },
    (job) => {
      if (!job.sourceKey)
        throw new InvalidRequestError("The original of this image was not kept, so it cannot be restored.");
    },
  );
  await enqueue([{ kind: "publish", id: imageId, shop, attempt: 0 }]);
  return view;
}

/**
 * Runs the image again, with spots the merchant undid, other settings and/or another edit list
 * (undefined keeps the current one, null returns to the automatic result); the result is a new job
 * key and the image a new version.
 */
export async function rerunImage(
  shop: string,
  imageId: string,
  opts: { disabledSpots?: number[]; settings?: Partial<ShopSettings>; edits?: EditList | null } = {},
): Promise<ImageView> {
  const job = await findImage(shop, imageId);
  if (!["review", "approved", "failed", "rejected", "reverted"].includes(job.state))
    throw new InvalidTransitionError(job.state as "processing", "queued");
  const current = (await loadRunSettings(shop, job.settingsHash)) ?? {
    settings: await getShopSettings(shop),
    disabledSpots: [],
  };
  const spots = opts.disabledSpots ?? current.disabledSpots;
  if (!spots.every((n) => Number.isInteger(n) && n >= 0))
    throw new InvalidRequestError("Spot numbers must be whole numbers.");
  const settings = { ...current.settings, ...(opts.settings ?? {}) };
  const edits =
    opts.edits === undefined ? (current.edits ?? null) : opts.edits && hasEdits(opts.edits) ? opts.edits : null;
  const hash = await saveRunSettings(shop, { settings, disabledSpots: spots, edits });
  const path = job.state === "approved" ? ["approved", "review", "queued"] : [job.state, "queued"];
  const view = await moveImage(shop, imageId, path as ["review", "queued"], {
    settingsHash: hash,
    attempts: 0,
    runAfter: new Date(),
    leaseUntil: null,
    lastError: null,
    resultId: null,
    warnings: "[]",
    warningCount: 0,
    version: job.version + 1,
    edits: edits ? JSON.stringify(edits) : null,
  });
  const client = db();
  await client.batch.updateMany({ where: { id: job.batchId, shop, status: "done" }, data: { status: "running" } });
  await enqueue([{ kind: "retouch", id: imageId, shop, attempt: 0 }]);
  return view;
}
