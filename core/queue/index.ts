// The worker's queue, chosen by QUEUE (local, default | bullmq with REDIS_URL).
import type { PrismaClient } from "@prisma/client";
import { BullQueue } from "./bullmq-queue.server";
import type { JobQueue, QueueDriver, QueueOptions } from "./job-queue";
import { LocalQueue } from "./local-queue.server";

export function createQueue(
  driver: QueueDriver,
  db: PrismaClient,
  opts: QueueOptions & { redisUrl?: string },
): JobQueue {
  if (driver === "bullmq") {
    if (!opts.redisUrl) throw new Error("QUEUE=bullmq needs REDIS_URL (redis://host:port).");
    return new BullQueue(db, opts.redisUrl, opts);
  }
  return new LocalQueue(db, opts);
}

export type * from "./job-queue";
