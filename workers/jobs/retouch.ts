// The retouch task: original (stored first) → engine (or a stored result for the same key) →
// outputs and report stored → the image is in review, or on its way to Shopify when auto-publish
// is on and the publish gate (publish-gate.ts) lets it through: report present, guards ran, no
// warning, no blocking finding. Anything else is held for review with the reason.
import { decodeBatchSettings } from "../../core/batches/batch-request";
import { loadRunSettings } from "../../core/batches/shop-settings.server";
import { renderSettings } from "../../core/settings/settings";
import type { ClaimedTask } from "../../core/queue/job-queue";
import { PermanentJobError, heldBy, type JobContext } from "./context";
import { loadOriginal } from "./originals";
import { findResult, loadReport, storeResult, warningsOf } from "./results";
import { contextHash, resultContext } from "./result-context";
import { autoPublishVerdict } from "./publish-gate";
import { settleBatch } from "./batch-progress";
import { engineBudgetMs } from "./deadlines";
import { megapixelsOf } from "./megapixels";
import { targetForBatch } from "./batch-target";

export async function runRetouch(ctx: JobContext, task: ClaimedTask): Promise<void> {
  const { db } = ctx;
  const job = await db.imageJob.findUnique({ where: { id: task.id }, include: { batch: true } });
  if (!job || job.state !== "processing" || job.processedBy !== task.workerId) return;

  const original = await loadOriginal(ctx, task, job);
  const run =
    (await loadRunSettings(job.shop, job.settingsHash)) ??
    (job.settingsHash === job.batch.settingsHash
      ? { settings: decodeBatchSettings(job.batch.settings).settings, disabledSpots: [] }
      : null);
  if (!run) throw new PermanentJobError("The settings for this run were lost; run the image again.");

  const reference = await referenceFor(ctx, job.shop, job.batch.collectionId);
  // The batch's photos (and a collection's earlier batches) share one exposure/white-balance target
  // (this job's original is stored by now).
  const target = await targetForBatch(ctx, job.shop, job.batch);
  const context = resultContext(job.settingsHash, reference, job.productTitle, target);
  const key = {
    shop: job.shop,
    mediaId: job.mediaId,
    sourceSha256: original.sha256,
    settingsHash: job.settingsHash,
    contextHash: contextHash(context),
  };
  let result = await findResult(ctx, key);
  let report: unknown;
  if (result) {
    report = await loadReport(ctx, result);
  } else {
    const out = await ctx.deps.engine.retouch(
      original.bytes,
      {
        ...renderSettings(run.settings),
        ...(target ? { target } : {}),
        disabledSpots: run.disabledSpots,
        product: { title: job.productTitle },
        reference,
        // The merchant's strokes and colour pass: they live in the run settings (by hash), so a crash or a re-run renders them again.
        ...(run.edits ? { edits: run.edits } : {}),
      },
      { timeoutMs: engineBudgetMs(await megapixelsOf(original.bytes)) },
    );
    result = await storeResult(ctx, key, out);
    report = out.report;
  }

  const warnings = warningsOf(report);
  const warningCount = warnings.filter((w) => (w as { severity?: string }).severity === "warning").length;
  const verdict = job.autoPublish && !job.publishedSha ? autoPublishVerdict({ report }) : null;
  const autoPublish = verdict?.publish === true;
  const settled = await db.imageJob.updateMany({
    where: heldBy(task),
    data: {
      // processing → review, or → approved → publishing in one step for auto-publish
      state: autoPublish ? "publishing" : "review",
      resultId: result.id,
      warnings: JSON.stringify(warnings),
      warningCount,
      leaseUntil: null,
      // Why an auto-processed image waits for a human instead of going live.
      lastError: verdict && !verdict.publish ? verdict.reason : null,
      runAfter: new Date(),
      ...(autoPublish ? { attempts: 0 } : {}),
    },
  });
  if (settled.count === 0) return; // handed back or reclaimed meanwhile: the other holder finishes it
  await recordVersion(ctx, job, result.id);
  if (autoPublish) await ctx.enqueue([{ kind: "publish", id: job.id, shop: job.shop, attempt: 0 }]);
  await settleBatch(db, job.batchId);
}

async function referenceFor(ctx: JobContext, shop: string, collectionId: string | null): Promise<Buffer | null> {
  if (!collectionId) return null;
  const ref = await ctx.db.collectionReference.findUnique({ where: { shop_collectionId: { shop, collectionId } } });
  return ref ? ctx.storage.get(ref.blobKey) : null;
}

/** The version this render settled (idempotent: a re-delivered task rewrites the same row). */
async function recordVersion(
  ctx: JobContext,
  job: { id: string; shop: string; version: number; settingsHash: string; edits: string | null },
  resultId: string,
): Promise<void> {
  const data = { settingsHash: job.settingsHash, edits: job.edits, resultId };
  await ctx.db.imageVersion.upsert({
    where: { imageId_version: { imageId: job.id, version: job.version } },
    create: { shop: job.shop, imageId: job.id, version: job.version, ...data },
    update: data,
  });
}
