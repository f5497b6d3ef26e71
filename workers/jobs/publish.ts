// The publish task: writes the retouched image to its product (or, for a revert, the stored
// original back). publishMedia writes at most once per (ledger key, kind, bytes) through the MediaLedger,
// even across crashes; this task only moves the row, and only while it holds it.
import type { ClaimedTask } from "../../core/queue/job-queue";
import { PermanentJobError, heldBy, type JobContext } from "./context";
import { mimeOfKey } from "./originals";
import { ledgerJobKey } from "./ledger-key";
import { isShopifyError } from "../../core/shopify/errors";
import { decodeBatchSettings } from "../../core/batches/batch-request";
import { forShopify, originalFormat } from "./publish-format";

export async function runPublish(ctx: JobContext, task: ClaimedTask): Promise<void> {
  const { db, storage } = ctx;
  const job = await db.imageJob.findUnique({ where: { id: task.id } });
  if (!job || job.state !== "publishing" || job.processedBy !== task.workerId) return;
  const revert = job.publishedSha !== null;

  let image: { bytes: Buffer; mimeType: string; ext: string };
  const original = originalFormat(job.sourceUrl, job.sourceKey ? mimeOfKey(job.sourceKey) : null);
  if (revert) {
    if (!job.sourceKey)
      throw new PermanentJobError("The original of this image was not kept, so it cannot be restored.");
    const bytes = await storage.get(job.sourceKey);
    if (!bytes) throw new PermanentJobError("The stored original of this image is missing.");
    const mimeType = mimeOfKey(job.sourceKey);
    image = { bytes, mimeType, ext: original?.ext ?? mimeType.split("/")[1]?.replace("jpeg", "jpg") ?? "jpg" };
  } else {
    const result = job.resultId
      ? await db.retouchResult.findFirst({ where: { id: job.resultId, shop: job.shop } })
      : null;
    if (!result) throw new PermanentJobError("The retouched image is missing; run the image again before publishing.");
    const bytes = await storage.get(result.compositeKey);
    if (!bytes) throw new PermanentJobError("The retouched file is missing from storage; run the image again.");
    // In place of the original: its format and extension, within Shopify's limits (publish-format.ts).
    image = await forShopify(bytes, result.mimeType, original, await backgroundOf(ctx, job.batchId));
  }

  const mediaTail = job.mediaId.split("/").pop() ?? "image";
  let out: Awaited<ReturnType<typeof ctx.deps.shopify.publishMedia>>;
  try {
    out = await ctx.deps.shopify.publishMedia({
      shop: job.shop,
      jobId: await ledgerJobKey(db, job.shop, job.id),
      productId: job.productId,
      mediaId: job.mediaId,
      bytes: image.bytes,
      mimeType: image.mimeType,
      filename: `${revert ? "original" : "loupe"}-${mediaTail}.${image.ext}`,
      kind: revert ? "revert" : "publish",
      expectedSourceUrl: revert ? null : job.sourceUrl,
    });
  } catch (err) {
    // The live photo is not the one Loupe retouched: never overwrite it; a human decides.
    if (isShopifyError(err) && err.code === "SOURCE_CHANGED") {
      await db.imageJob.updateMany({
        where: heldBy(task),
        data: { state: "review", autoPublish: false, leaseUntil: null, lastError: err.message },
      });
      return;
    }
    throw err;
  }
  const mediaId = out.mediaId && out.mediaId !== job.mediaId ? { mediaId: out.mediaId } : {};
  await db.imageJob.updateMany({
    where: heldBy(task),
    data: revert
      ? { state: "reverted", publishedSha: null, leaseUntil: null, lastError: null, ...mediaId }
      : { state: "published", publishedSha: out.sha256, leaseUntil: null, lastError: null, ...mediaId },
  });
  console.info(
    `publish ${job.id}: ${revert ? "original restored" : "retouched photo live"} on ${job.shop} (${out.mediaId ?? job.mediaId})`,
  );
}

/** The batch's background color, to flatten a transparent result for a JPEG original. */
async function backgroundOf(ctx: JobContext, batchId: string): Promise<string> {
  const batch = await ctx.db.batch.findUnique({ where: { id: batchId }, select: { settings: true } });
  const bg = batch ? decodeBatchSettings(batch.settings).settings.background : "#ffffff";
  return /^#[0-9a-f]{6}$/i.test(bg) ? bg : "#ffffff";
}
