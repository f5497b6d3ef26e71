// What a job handler works with.
import type { PrismaClient } from "@prisma/client";
import type { Storage } from "../../core/storage/storage";
import type { ClaimedTask, TaskKind, TaskRef } from "../../core/queue/job-queue";
import type { WorkerDeps } from "./deps";

export interface JobContext {
  db: PrismaClient;
  storage: Storage;
  deps: WorkerDeps;
  workerId: string;
  /** How long a claim holds a row (the pull's lease is the batch's updatedAt). */
  leaseMs: number;
  enqueue(tasks: TaskRef[]): Promise<void>;
  /** Per-kind deadlines overriding deadlines.ts (tests). */
  deadlines?: Partial<Record<TaskKind, number>>;
}

export type JobHandler = (ctx: JobContext, task: ClaimedTask) => Promise<void>;

/** A failure that retrying cannot fix (missing data, not the network). */
export class PermanentJobError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** The conditional part of every write a handler makes to its row: only while this worker holds it. */
export function heldBy(task: ClaimedTask) {
  return { id: task.id, processedBy: task.workerId, state: task.kind === "retouch" ? "processing" : "publishing" };
}
