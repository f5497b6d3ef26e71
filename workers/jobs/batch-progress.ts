// A batch is done when none of its images is still queued or being retouched.
import type { PrismaClient } from "@prisma/client";
import { ACTIVE_STATES } from "../../core/batches/job-states";

export async function settleBatch(db: PrismaClient, batchId: string): Promise<boolean> {
  const active = await db.imageJob.count({ where: { batchId, state: { in: [...ACTIVE_STATES] } } });
  if (active > 0) return false;
  const r = await db.batch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "done" } });
  if (r.count !== 1) return false;
  // One log line for the event: the batch is retouched, and what now waits for the merchant.
  const rows = await db.imageJob.groupBy({ by: ["state"], where: { batchId }, _count: { _all: true } });
  const n = (state: string) => rows.find((x) => x.state === state)?._count._all ?? 0;
  console.info(`batch ${batchId}: retouched, ${n("review")} to review, ${n("failed")} failed`);
  return true;
}
