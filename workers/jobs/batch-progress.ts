// A batch is done when none of its images is still queued or being retouched.
import type { PrismaClient } from "@prisma/client";
import { ACTIVE_STATES } from "../../core/batches/job-states";

export async function settleBatch(db: PrismaClient, batchId: string): Promise<boolean> {
  const active = await db.imageJob.count({ where: { batchId, state: { in: [...ACTIVE_STATES] } } });
  if (active > 0) return false;
  const r = await db.batch.updateMany({ where: { id: batchId, status: "running" }, data: { status: "done" } });
  return r.count === 1;
}
