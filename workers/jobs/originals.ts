// The original photo of a job: downloaded from Shopify's CDN once, stored by its sha256 before
// anything is written to Shopify (so revert always works), then read from storage.
import { blobKey } from "../../core/storage/storage";
import type { ImageJob } from "@prisma/client";
import type { ClaimedTask } from "../../core/queue/job-queue";
import { PermanentJobError, heldBy, type JobContext } from "./context";

export interface Original {
  bytes: Buffer;
  sha256: string;
  key: string;
}

export async function loadOriginal(ctx: JobContext, task: ClaimedTask, job: ImageJob): Promise<Original> {
  if (job.sourceKey && job.sourceSha256) {
    const bytes = await ctx.storage.get(job.sourceKey);
    if (bytes) return { bytes, sha256: job.sourceSha256, key: job.sourceKey };
  }
  if (!job.sourceUrl)
    throw new PermanentJobError("Shopify gave no address for this photo, so Loupe cannot download it.");
  const d = await ctx.deps.shopify.downloadOriginal(job.sourceUrl);
  const key = blobKey(job.shop, "original", d.sha256, d.contentType);
  if (!(await ctx.storage.has(key))) await ctx.storage.put(key, d.bytes, d.contentType);
  await ctx.db.imageJob.updateMany({ where: heldBy(task), data: { sourceSha256: d.sha256, sourceKey: key } });
  return { bytes: d.bytes, sha256: d.sha256, key };
}

const MIME_BY_EXT: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  tiff: "image/tiff",
};

export function mimeOfKey(key: string): string {
  return MIME_BY_EXT[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}
