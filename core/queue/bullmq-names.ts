// Names shared by the BullMQ producer and consumer.
import type { TaskRef } from "./job-queue";

export const QUEUE_NAME = "loupe-jobs";

/** BullMQ ids must not contain ':'. One id per (kind, row, attempt): re-adding the same attempt is a no-op. */
export function bullJobId(t: TaskRef): string {
  return `${t.kind}_${t.id}_${t.attempt ?? 0}`;
}

/** BullMQ priorities run from 1 (first) to 2^21 − 1. */
export function bullPriority(p: number | undefined): number {
  return Math.min(Math.max(1, Math.round(p ?? 1)), 2 ** 21 - 1);
}

export interface BullPayload {
  kind: TaskRef["kind"];
  id: string;
  shop: string;
}
