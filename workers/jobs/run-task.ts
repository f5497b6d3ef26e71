// Runs a claimed task and settles its row when it fails: transient failures go back to the queue
// with exponential backoff and jitter (up to MAX_ATTEMPTS tries), permanent ones fail at once with
// the reason in plain words. A task whose row keeps killing its worker stops after MAX_ATTEMPTS.
import type { ClaimedTask, TaskKind, TaskRunner } from "../../core/queue/job-queue";
import { heldBy, type JobContext, type JobHandler } from "./context";
import { MAX_ATTEMPTS, backoffMs, classify, type Failure } from "./failure";
import { runPull } from "./pull";
import { runRetouch } from "./retouch";
import { runPublish } from "./publish";
import { runShopTask } from "./shop-task";
import { settleBatch } from "./batch-progress";
import { deadlineMessage, taskDeadlineMs } from "./deadlines";

const HANDLERS: Record<TaskKind, JobHandler> = {
  pull: runPull,
  retouch: runRetouch,
  publish: runPublish,
  "shop-task": runShopTask,
};

/** A pull that still fails after this long marks its batch failed. */
const PULL_GIVE_UP_MS = Number(process.env.LOUPE_PULL_GIVE_UP_MS || 30 * 60_000);

export function createRunner(ctx: JobContext, handlers: Record<TaskKind, JobHandler> = HANDLERS): TaskRunner {
  return async (task) => {
    if (task.kind !== "pull" && task.attempts > MAX_ATTEMPTS) {
      await settleFailure(ctx, task, {
        transient: false,
        code: "TOO_MANY_ATTEMPTS",
        message: "Loupe stopped after several tries: the worker stopped each time while handling this image.",
      });
      return;
    }
    const deadlineMs = ctx.deadlines?.[task.kind] ?? taskDeadlineMs(task.kind);
    try {
      // Past its deadline the task fails alone and its slot is freed; whatever it still does later
      // writes nothing, since every write is conditional on holding the row (heldBy).
      const late = await withDeadline(handlers[task.kind](ctx, task), deadlineMs);
      if (late)
        await settleFailure(ctx, task, {
          transient: false,
          code: "DEADLINE",
          message: deadlineMessage(task.kind, deadlineMs),
        });
    } catch (err) {
      const failure = classify(err);
      if (failure.code === "INTERNAL")
        console.error(`worker: ${task.kind} ${task.id}: ${err instanceof Error ? err.stack : err}`);
      await settleFailure(ctx, task, failure);
    }
  };
}

/** Resolves true when `work` is still running after `ms`, false when it finished; rethrows its error. */
async function withDeadline(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), ms)));
  work.catch(() => undefined); // a late failure has nobody left to hear it
  try {
    return await Promise.race([work.then(() => false as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function settleFailure(ctx: JobContext, task: ClaimedTask, f: Failure): Promise<void> {
  const { db } = ctx;
  if (task.kind === "pull") return settlePullFailure(ctx, task, f);
  if (task.kind === "shop-task") return settleShopTaskFailure(ctx, task, f);
  const retry = f.transient && task.attempts < MAX_ATTEMPTS;
  if (retry) {
    const delayMs = backoffMs(task.attempts);
    const r = await db.imageJob.updateMany({
      where: heldBy(task),
      data: {
        ...(task.kind === "retouch" ? { state: "queued" } : {}),
        runAfter: new Date(Date.now() + delayMs),
        leaseUntil: null,
        lastError: `Try ${task.attempts} of ${MAX_ATTEMPTS} failed: ${f.message}`,
      },
    });
    if (r.count)
      await ctx.enqueue([{ kind: task.kind, id: task.id, shop: task.shop, attempt: task.attempts, delayMs }]);
    return;
  }
  const message = f.transient ? `Gave up after ${task.attempts} tries: ${f.message}` : f.message;
  const job = await db.imageJob.findUnique({ where: { id: task.id }, select: { batchId: true, publishedSha: true } });
  // A revert that fails leaves the retouched image on Shopify: the row says published again.
  const state = task.kind === "publish" && job?.publishedSha ? "published" : "failed";
  const lastError = state === "published" ? `The original could not be restored: ${message}` : message;
  await db.imageJob.updateMany({ where: heldBy(task), data: { state, leaseUntil: null, lastError } });
  if (job && task.kind === "retouch") await settleBatch(db, job.batchId);
}

async function settlePullFailure(ctx: JobContext, task: ClaimedTask, f: Failure): Promise<void> {
  const batch = await ctx.db.batch.findUnique({ where: { id: task.id } });
  if (!batch || batch.status !== "pulling") return;
  const age = Date.now() - batch.createdAt.getTime();
  if (!f.transient || age > PULL_GIVE_UP_MS) {
    await ctx.db.batch.updateMany({
      where: { id: task.id, status: "pulling" },
      data: { status: "failed", error: f.message },
    });
    return;
  }
  // The pull's lease is updatedAt: date it so it expires after the backoff.
  const delayMs = backoffMs(Math.min(10, 1 + Math.floor(age / 5_000)));
  await ctx.db.batch.updateMany({
    where: { id: task.id, status: "pulling" },
    data: { error: f.message, updatedAt: new Date(Date.now() + delayMs - ctx.leaseMs) },
  });
  await ctx.enqueue([{ kind: "pull", id: task.id, shop: task.shop, attempt: Date.now(), delayMs }]);
}

async function settleShopTaskFailure(ctx: JobContext, task: ClaimedTask, f: Failure): Promise<void> {
  const held = { id: task.id, processedBy: task.workerId, state: "processing" };
  if (f.transient && task.attempts < MAX_ATTEMPTS) {
    const delayMs = backoffMs(task.attempts);
    const r = await ctx.db.shopTask.updateMany({
      where: held,
      data: { state: "queued", runAfter: new Date(Date.now() + delayMs), leaseUntil: null, lastError: f.message },
    });
    if (r.count)
      await ctx.enqueue([{ kind: "shop-task", id: task.id, shop: task.shop, attempt: task.attempts, delayMs }]);
    return;
  }
  await ctx.db.shopTask.updateMany({ where: held, data: { state: "failed", leaseUntil: null, lastError: f.message } });
}
