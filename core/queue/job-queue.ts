// The queue contract, shared by the local (p-queue) and bullmq (Redis) drivers.
// The database row is the truth: a task is only a hint that a row may be claimable. Consumers
// claim rows with conditional updates (claims.ts), so a task delivered twice, late, or after a
// crash never makes the same work happen twice.

/** pull: list a batch's products and media; retouch: one image through the engine; publish: write one image to Shopify (or revert it);
 * shop-task: work a webhook handed over (ShopTask row: shop/redact, bulk_operations/finish). */
export type TaskKind = "pull" | "retouch" | "publish" | "shop-task";
export type QueueDriver = "local" | "bullmq";

export interface TaskRef {
  kind: TaskKind;
  /** Batch id for pull, ShopTask id for shop-task, ImageJob id otherwise. */
  id: string;
  shop: string;
  /** The row's attempts when enqueued: part of the BullMQ job id (ImageJob id + attempt). */
  attempt?: number;
  /** Lower runs earlier; the position of the image in its batch, so batches interleave (fairness). */
  priority?: number;
  /** Not before this many milliseconds (retry backoff). */
  delayMs?: number;
}

/** A task whose row this worker holds (lease) until it settles or hands it back. */
export interface ClaimedTask {
  kind: TaskKind;
  id: string;
  shop: string;
  /** Attempts including this one. */
  attempts: number;
  workerId: string;
}

export type TaskRunner = (task: ClaimedTask) => Promise<void>;

/** The web process only enqueues. */
export interface QueueProducer {
  readonly driver: QueueDriver;
  enqueue(tasks: TaskRef[]): Promise<void>;
  close(): Promise<void>;
}

/** A worker consumes: claims rows (fairly across shops) and runs them, `concurrency` at a time. */
export interface JobQueue extends QueueProducer {
  start(run: TaskRunner): Promise<void>;
  /** Stops claiming and waits for running tasks up to `graceMs`; what is still running is handed back. */
  close(opts?: { graceMs?: number }): Promise<void>;
  /** Running tasks right now. */
  readonly running: number;
}

export interface QueueOptions {
  workerId: string;
  concurrency: number;
  /** How long a claim holds a row without a heartbeat. */
  leaseMs: number;
  /** How often an idle worker looks for claimable rows (retries that came due, crashed workers' rows). */
  pollMs: number;
  /** The longest a task's lease is renewed (past every task deadline); default 2 hours. */
  maxHoldMs?: number;
}
