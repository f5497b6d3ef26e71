// Enqueue side of the queue, for the web process (and the worker's own retries).
// local: the worker polls the database; an in-process worker is woken at once.
// bullmq: a Redis job per task; any worker on any machine takes it.
import { Queue } from "bullmq";
import type { QueueDriver, QueueProducer, TaskRef } from "./job-queue";
import { QUEUE_NAME, bullJobId, bullPriority, type BullPayload } from "./bullmq-names";
import { redisConnection } from "./redis.server";
import { wakeLocalWorkers } from "./wake.server";

export class LocalProducer implements QueueProducer {
  readonly driver = "local" as const;
  async enqueue(tasks: TaskRef[]): Promise<void> {
    if (tasks.length === 0) return;
    const soonest = Math.min(...tasks.map((t) => t.delayMs ?? 0));
    if (soonest <= 0) wakeLocalWorkers();
    else setTimeout(wakeLocalWorkers, soonest).unref();
  }
  async close(): Promise<void> {}
}

export class BullProducer implements QueueProducer {
  readonly driver = "bullmq" as const;
  private readonly queue: Queue<BullPayload>;
  private readonly connection: ReturnType<typeof redisConnection>;
  constructor(redisUrl: string) {
    this.connection = redisConnection(redisUrl);
    this.queue = new Queue<BullPayload>(QUEUE_NAME, { connection: this.connection });
  }
  async enqueue(tasks: TaskRef[]): Promise<void> {
    if (tasks.length === 0) return;
    await this.queue.addBulk(
      tasks.map((t) => ({
        name: t.kind,
        data: { kind: t.kind, id: t.id, shop: t.shop },
        opts: {
          jobId: bullJobId(t),
          priority: bullPriority(t.priority),
          delay: Math.max(0, Math.round(t.delayMs ?? 0)),
          removeOnComplete: true,
          removeOnFail: true,
          attempts: 1, // retries are the database row's business (backoff, plain-words errors)
        },
      })),
    );
  }
  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}

export function createProducer(driver: QueueDriver, redisUrl: string): QueueProducer {
  return driver === "bullmq" ? new BullProducer(redisUrl) : new LocalProducer();
}
