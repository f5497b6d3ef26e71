// How long each task may take before it fails alone, in plain words, and frees its slot. Budgets add
// up what a task does: downloading the original, the engine (time per megapixel), storing, uploading.
// Each is an environment variable (milliseconds) for operators with slower or faster machines.
import type { TaskKind } from "../../core/queue/job-queue";

function envMs(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** The largest photo the engine accepts (workers/retouch/decode.ts MAX_PIXELS). */
const MAX_MEGAPIXELS = 40;

export const budgets = {
  /** Downloading the original from Shopify's CDN (cdn.ts gives each request 2 minutes). */
  download: () => envMs("LOUPE_DOWNLOAD_BUDGET_MS", 3 * 60_000),
  /** The engine: a fixed part (loading the model, the network pass) and a part per megapixel. */
  engineBase: () => envMs("LOUPE_ENGINE_BASE_MS", 60_000),
  enginePerMegapixel: () => envMs("LOUPE_ENGINE_MS_PER_MP", 15_000),
  /** Writing results to storage, or the database work around a task. */
  store: () => envMs("LOUPE_STORE_BUDGET_MS", 60_000),
  /** Uploading one image to Shopify (staged upload, fileUpdate, waiting for READY). */
  upload: () => envMs("LOUPE_UPLOAD_BUDGET_MS", 5 * 60_000),
  /** Listing a batch's products (a large collection waits for a bulk export: up to 30 minutes). */
  pull: () => envMs("LOUPE_PULL_BUDGET_MS", 35 * 60_000),
  /** Webhook work (shop/redact deletes every blob of a shop). */
  shopTask: () => envMs("LOUPE_SHOP_TASK_BUDGET_MS", 30 * 60_000),
};

/** The engine's time for a photo of this many megapixels. */
export function engineBudgetMs(megapixels: number): number {
  return Math.round(
    budgets.engineBase() + budgets.enginePerMegapixel() * Math.min(MAX_MEGAPIXELS, Math.max(1, megapixels)),
  );
}

/** The whole task's deadline: what its slowest legitimate run could take. */
export function taskDeadlineMs(kind: TaskKind): number {
  switch (kind) {
    case "retouch":
      return budgets.download() + engineBudgetMs(MAX_MEGAPIXELS) + budgets.store();
    case "publish":
      return budgets.upload() + budgets.store();
    case "pull":
      return budgets.pull();
    case "shop-task":
      return budgets.shopTask();
  }
}

/** What the merchant reads when a task ran past its deadline. */
export function deadlineMessage(kind: TaskKind, ms: number): string {
  const n = ms >= 120_000 ? Math.round(ms / 60_000) : Math.max(1, Math.round(ms / 1000));
  const took = `${n} ${ms >= 120_000 ? "minute" : "second"}${n === 1 ? "" : "s"}`;
  if (kind === "retouch")
    return `Loupe stopped working on this photo after ${took}, far longer than a photo of its size takes. Run it again, or upload a smaller photo.`;
  if (kind === "publish")
    return `Sending this photo to Shopify took longer than ${took}, so Loupe stopped. Try publishing it again.`;
  if (kind === "pull")
    return `Listing the products of this batch took longer than ${took}, so Loupe stopped. Start the batch again.`;
  return `This task took longer than ${took}, so Loupe stopped it.`;
}
