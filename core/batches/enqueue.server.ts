// The process's queue producer (QUEUE=local|bullmq, REDIS_URL). The web only enqueues.
import { config } from "../config.server";
import { createProducer } from "../queue/producer.server";
import type { QueueProducer, TaskRef } from "../queue/job-queue";

let producer: QueueProducer | null = null;

export function getProducer(): QueueProducer {
  return (producer ??= createProducer(config.queue, config.redisUrl));
}

/** Tests and the worker share their producer with the services. */
export function setProducer(p: QueueProducer | null): void {
  producer = p;
}

export async function enqueue(tasks: TaskRef[]): Promise<void> {
  await getProducer().enqueue(tasks);
}
