// Watching batches from the database: when a batch is retouched (status done: no image queued or
// processing), how long it took (createdAt → the update that marked it done), and per-image finish
// times for throughput. Read-only; the workers never know they are watched.
import type { PrismaClient } from "@prisma/client";

export interface BatchRun {
  label: string;
  shop: string;
  batchId: string;
  images: number;
}

export interface BatchOutcome extends BatchRun {
  status: string;
  jobs: number;
  byState: Record<string, number>;
  latencyMs: number;
  createdAt: Date;
  doneAt: Date;
}

const FINISHED = ["done", "failed", "cancelled"];

export async function outcome(db: PrismaClient, run: BatchRun): Promise<BatchOutcome | null> {
  const b = await db.batch.findUnique({ where: { id: run.batchId } });
  if (!b || !FINISHED.includes(b.status)) return null;
  const groups = await db.imageJob.groupBy({ by: ["state"], where: { batchId: run.batchId }, _count: { _all: true } });
  const byState = Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
  const jobs = groups.reduce((n, g) => n + g._count._all, 0);
  return {
    ...run,
    status: b.status,
    jobs,
    byState,
    latencyMs: b.updatedAt.getTime() - b.createdAt.getTime(),
    createdAt: b.createdAt,
    doneAt: b.updatedAt,
  };
}

/** Resolves when every batch finished; `tick` is called with the number of images retouched so far. */
export async function waitFinished(
  db: PrismaClient,
  runs: BatchRun[],
  opts: { timeoutMs: number; pollMs?: number; tick?: (retouched: number, total: number) => void | Promise<void> },
): Promise<BatchOutcome[]> {
  const end = Date.now() + opts.timeoutMs;
  const done = new Map<string, BatchOutcome>();
  for (;;) {
    for (const r of runs) {
      if (done.has(r.batchId)) continue;
      const o = await outcome(db, r);
      if (o) done.set(r.batchId, o);
    }
    if (done.size === runs.length) return runs.map((r) => done.get(r.batchId)!);
    if (opts.tick) {
      const retouched = await db.imageJob.count({
        where: { batchId: { in: runs.map((r) => r.batchId) }, state: { notIn: ["queued", "processing"] } },
      });
      await opts.tick(
        retouched,
        runs.reduce((n, r) => n + r.images, 0),
      );
    }
    if (Date.now() > end)
      throw new Error(
        `batches not finished after ${opts.timeoutMs / 1000} s: ${runs
          .filter((r) => !done.has(r.batchId))
          .map((r) => r.label)
          .join(", ")}`,
      );
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
}

/** Images retouched per minute for a batch: jobs that reached review, over createdAt → last finish. */
export async function throughput(
  db: PrismaClient,
  batchId: string,
): Promise<{ images: number; minutes: number; perMinute: number; perMinuteByMinute: number[] }> {
  const b = await db.batch.findUniqueOrThrow({ where: { id: batchId } });
  const jobs = await db.imageJob.findMany({
    where: { batchId, state: { in: ["review", "approved", "publishing", "published"] } },
    select: { updatedAt: true },
  });
  const t0 = b.createdAt.getTime();
  const last = Math.max(t0, ...jobs.map((j) => j.updatedAt.getTime()));
  const minutes = (last - t0) / 60_000;
  const buckets: number[] = [];
  for (const j of jobs) {
    const m = Math.floor((j.updatedAt.getTime() - t0) / 60_000);
    buckets[m] = (buckets[m] ?? 0) + 1;
  }
  return {
    images: jobs.length,
    minutes,
    perMinute: minutes > 0 ? jobs.length / minutes : 0,
    perMinuteByMinute: Array.from(buckets, (v) => v ?? 0),
  };
}
