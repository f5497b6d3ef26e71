// The worker process (`npm run worker`), or an in-process worker for the demo (startWorker).
// Claims jobs from the queue (QUEUE=local|bullmq), runs them with the engine pool off the event loop,
// and on SIGTERM stops claiming, lets running jobs finish for a grace period and hands back the rest.
import os from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "@prisma/client";
import { config } from "../core/config.server";
import { assertSafeToStart } from "../core/startup-checks.server";
import { getStorage } from "../core/storage";
import { installShopifyFetchRouting } from "../core/shopify/fetch-routing.server";
import { createQueue } from "../core/queue";
import { Claims } from "../core/queue/claims.server";
import type { QueueDriver, TaskKind } from "../core/queue/job-queue";
import { taskDeadlineMs } from "./jobs/deadlines";
import { createRunner } from "./jobs/run-task";
import { realEngine, realShopify, type WorkerDeps } from "./jobs/deps";
import { hostName, pidAlive, workerId } from "./worker-id";
import { startAutoProcessing } from "../core/autoprocess/scheduler.server";
import { db as processDb, setDb } from "../core/db.server";

export interface WorkerOptions {
  inProcess?: boolean;
  /** Jobs at once; default twice the cores, so downloads and uploads overlap the engine's pixel work. */
  concurrency?: number;
  /** Tests: other drivers, databases, fakes, short leases. */
  driver?: QueueDriver;
  redisUrl?: string;
  db?: PrismaClient;
  deps?: Partial<WorkerDeps>;
  leaseMs?: number;
  pollMs?: number;
  graceMs?: number;
  /** Tests: per-kind task deadlines (workers/jobs/deadlines.ts otherwise). */
  deadlines?: Partial<Record<TaskKind, number>>;
}

export interface RunningWorker {
  id: string;
  close(): Promise<void>;
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export async function startWorker(opts: WorkerOptions = {}): Promise<RunningWorker> {
  assertSafeToStart();
  const id = workerId();
  if (config.fakeShopify) installShopifyFetchRouting(config.fakeShopify);
  // A worker given its own database points every service at it (the batch services, the scheduler).
  if (opts.db) setDb(opts.db);
  const db = processDb();
  const cores = os.availableParallelism();
  const concurrency = opts.concurrency ?? envNumber("LOUPE_WORKER_CONCURRENCY", Math.max(2, cores * 2));
  const leaseMs = opts.leaseMs ?? envNumber("LOUPE_LEASE_MS", 60_000);
  const pollMs = opts.pollMs ?? envNumber("LOUPE_POLL_MS", 1_000);
  const deps: WorkerDeps = {
    shopify: opts.deps?.shopify ?? (await realShopify()),
    engine: opts.deps?.engine ?? (await realEngine()),
  };

  // Rows a killed process of this host still holds are claimable again right away.
  const released = await new Claims(db, id, leaseMs).releaseDeadLocalLeases(hostName(), pidAlive);
  if (released) console.error(`worker ${id}: resuming ${released} image(s) left by a stopped worker`);

  // A lease is renewed a little past the longest deadline, never forever.
  const kinds: TaskKind[] = ["pull", "retouch", "publish", "shop-task"];
  const maxHoldMs = Math.max(...kinds.map((k) => opts.deadlines?.[k] ?? taskDeadlineMs(k))) + leaseMs;
  const queue = createQueue(opts.driver ?? config.queue, db, {
    workerId: id,
    concurrency,
    leaseMs,
    pollMs,
    maxHoldMs,
    redisUrl: opts.redisUrl ?? config.redisUrl,
  });
  const run = createRunner({
    db,
    storage: getStorage(),
    deps,
    workerId: id,
    leaseMs,
    enqueue: (t) => queue.enqueue(t),
    deadlines: opts.deadlines,
  });
  await queue.start(run);
  console.error(
    `worker ${id}: ${queue.driver} queue, ${concurrency} at a time${opts.inProcess ? " (in-process)" : ""}`,
  );
  // New uploads (products/* webhooks → PendingProduct rows) become jobs under each shop's policy.
  // LOUPE_AUTOPROCESS=0 turns it off for this process (tests that count jobs exactly).
  const auto = process.env.LOUPE_AUTOPROCESS === "0" ? null : startAutoProcessing();

  let closing: Promise<void> | null = null;
  return {
    id,
    close: () =>
      (closing ??= (async () => {
        await auto?.stop();
        await queue.close({ graceMs: opts.graceMs ?? envNumber("LOUPE_GRACE_MS", 30_000) });
        if (!opts.deps?.engine) await deps.engine.close();
      })()),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startWorker()
    .then((worker) => {
      let stopping = false;
      const stop = (signal: string) => {
        // A signal may arrive twice (to the process group and relayed by tsx): the first one counts.
        if (stopping) return;
        stopping = true;
        console.error(`worker ${worker.id}: ${signal}, finishing running jobs`);
        worker.close().then(
          () => process.exit(0),
          (err) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.on("SIGTERM", () => stop("SIGTERM"));
      process.on("SIGINT", () => stop("SIGINT"));
    })
    .catch((err) => {
      console.error(`worker: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
