// The retouch task: original (stored first) → engine (or a stored result for the same key) →
// outputs and report stored → the image is in review, or on its way to Shopify when auto-publish
// is on and the guards raised no warning.
import { decodeBatchSettings } from "../../app/batches/batch-request";
import { loadRunSettings } from "../../app/batches/shop-settings.server";
import { renderSettings } from "../../app/settings/settings";
import type { ClaimedTask } from "../queue/job-queue";
import { PermanentJobError, heldBy, type JobContext } from "./context";
import { loadOriginal } from "./originals";
import { findResult, loadReport, storeResult, warningsOf } from "./results";
import { contextHash, resultContext } from "./result-context";
import { settleBatch } from "./batch-progress";

export async function runRetouch(ctx: JobContext, task: ClaimedTask): Promise<void> {
  const { db } = ctx;
  const job = await db.imageJob.findUnique({ where: { id: task.id }, include: { batch: true } });
  if (!job || job.state !== "processing" || job.processedBy !== task.workerId) return;

  const original = await loadOriginal(ctx, task, job);
  const run =
    (await loadRunSettings(job.shop, job.settingsHash)) ??
    (job.settingsHash === job.batch.settingsHash ? { settings: decodeBatchSettings(job.batch.settings).settings, disabledSpots: [] } : null);
  if (!run) throw new PermanentJobError("The settings for this run were lost; run the image again.");

  const reference = await referenceFor(ctx, job.shop, job.batch.collectionId);
  const context = resultContext(reference, job.productTitle);
  const key = { shop: job.shop, mediaId: job.mediaId, sourceSha256: original.sha256, settingsHash: job.settingsHash, contextHash: contextHash(context) };
  let result = await findResult(ctx, key);
  let report: unknown;
  if (result) {
    report = await loadReport(ctx, result);
  } else {
    const out = await ctx.deps.engine.retouch(original.bytes, {
      ...renderSettings(run.settings),
      disabledSpots: run.disabledSpots,
      product: { title: job.productTitle },
      reference,
    });
    result = await storeResult(ctx, key, out);
    report = out.report;
  }

  const warnings = warningsOf(report);
  const warningCount = warnings.filter((w) => (w as { severity?: string }).severity === "warning").length;
  const autoPublish = job.autoPublish && warningCount === 0 && !job.publishedSha;
  const settled = await db.imageJob.updateMany({
    where: heldBy(task),
    data: {
      // processing → review, or → approved → publishing in one step for auto-publish
      state: autoPublish ? "publishing" : "review",
      resultId: result.id,
      warnings: JSON.stringify(warnings),
      warningCount,
      leaseUntil: null,
      lastError: null,
      runAfter: new Date(),
      ...(autoPublish ? { attempts: 0 } : {}),
    },
  });
  if (settled.count === 0) return; // handed back or reclaimed meanwhile: the other holder finishes it
  if (autoPublish) await ctx.enqueue([{ kind: "publish", id: job.id, shop: job.shop, attempt: 0 }]);
  await settleBatch(db, job.batchId);
}

async function referenceFor(ctx: JobContext, shop: string, collectionId: string | null): Promise<Buffer | null> {
  if (!collectionId) return null;
  const ref = await ctx.db.collectionReference.findUnique({ where: { shop_collectionId: { shop, collectionId } } });
  return ref ? ctx.storage.get(ref.blobKey) : null;
}
