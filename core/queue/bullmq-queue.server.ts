// bullmq driver: the same contract on Redis, for any number of worker processes on any number of
// machines. A BullMQ job only points at a row (id = kind + row id + attempt); the worker claims the
// row with the same conditional update as the local driver, so duplicates and redeliveries are
// harmless. Fairness: a job's priority is the image's place in its batch, so batches of different
// shops interleave. A periodic sweep re-adds claimable rows whose Redis job was lost (Redis flushed,
// a worker killed after claiming): the database stays the truth.
import type { PrismaClient } from "@prisma/client";
import { Worker, type Job } from "bullmq";
import { Claims } from "./claims.server";
import type { JobQueue, QueueOptions, TaskRef, TaskRunner } from "./job-queue";
import { BullProducer } from "./producer.server";
import { QUEUE_NAME, type BullPayload } from "./bullmq-names";
import { redisConnection } from "./redis.server";
import { TaskTracker } from "./tracker.server";

export class BullQueue implements JobQueue {
  readonly driver = "bullmq" as const;
  private readonly producer: BullProducer;
  private readonly claims: Claims;
  private readonly tracker: TaskTracker;
  private worker: Worker<BullPayload> | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    db: PrismaClient,
    private readonly redisUrl: string,
    private readonly opts: QueueOptions,
  ) {
    this.producer = new BullProducer(redisUrl);
    this.claims = new Claims(db, opts.workerId, opts.leaseMs);
    this.tracker = new TaskTracker(this.claims, opts.leaseMs, opts.maxHoldMs);
  }

  private connection: ReturnType<typeof redisConnection> | null = null;

  get running(): number {
    return this.tracker.size;
  }

  enqueue(tasks: TaskRef[]): Promise<void> {
    return this.producer.enqueue(tasks);
  }

  async start(run: TaskRunner): Promise<void> {
    this.connection = redisConnection(this.redisUrl);
    this.worker = new Worker<BullPayload>(QUEUE_NAME, (job) => this.process(job, run), {
      connection: this.connection,
      concurrency: this.opts.concurrency,
      // The row's lease is the real lock; BullMQ's only decides when Redis redelivers.
      lockDuration: Math.max(30_000, this.opts.leaseMs),
      stalledInterval: Math.max(30_000, this.opts.leaseMs),
    });
    this.worker.on("error", (err) => console.error(`queue: redis: ${err.message}`));
    await this.worker.waitUntilReady();
    await this.sweep();
    const loop = () => {
      if (this.stopped) return;
      this.sweepTimer = setTimeout(() => void this.sweep().finally(loop), this.opts.pollMs * 5);
      this.sweepTimer.unref();
    };
    loop();
  }

  private async process(job: Job<BullPayload>, run: TaskRunner): Promise<void> {
    const { kind, id, shop } = job.data;
    if (this.stopped) {
      await this.enqueue([{ kind, id, shop, attempt: Date.now() }]); // hand it back to Redis for another worker
      return;
    }
    const outcome = await this.claims.claim({ kind, id });
    if ("gone" in outcome) return;
    if ("laterMs" in outcome) {
      // Not due yet (backoff) or held by a live lease: look again when it could be claimable.
      await this.enqueue([{ kind, id, shop, attempt: Date.now(), delayMs: outcome.laterMs }]);
      return;
    }
    const task = outcome.claimed;
    this.tracker.add(task);
    try {
      await run(task);
    } finally {
      this.tracker.remove(task);
    }
  }

  /** Re-adds claimable rows (ids are deterministic: rows already waiting in Redis are not added twice). */
  private async sweep(): Promise<void> {
    try {
      const refs = await this.claims.claimableRefs();
      if (refs.length) await this.enqueue(refs);
    } catch (err) {
      console.error(`queue: sweep failed: ${err instanceof Error ? err.message : err}`);
    }
  }

  async close(opts: { graceMs?: number } = {}): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    const closing = this.worker?.close(); // stops taking jobs; resolves when running jobs return
    await this.tracker.drain(opts.graceMs ?? 30_000);
    await Promise.race([closing, new Promise((r) => setTimeout(r, 2_000).unref())]);
    await this.producer.close();
    this.connection?.disconnect();
  }
}
