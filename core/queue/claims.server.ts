// Claiming rows with conditional updates: the only way work starts. A row is claimable when
//  - retouch: ImageJob queued with runAfter ≤ now, or processing with an expired lease (a crash);
//  - publish: ImageJob publishing with runAfter ≤ now and no live lease;
//  - pull:    Batch pulling whose updatedAt (the pull's lease) is older than the lease.
//  - shop-task: ShopTask queued with runAfter ≤ now, or processing with an expired lease.
// The claim sets the lease (leaseUntil / updatedAt), processedBy and attempts in the same statement
// that checks claimability, so two workers can never both win a row.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { ClaimedTask, TaskKind, TaskRef } from "./job-queue";

function retouchWhere(now: Date): Prisma.ImageJobWhereInput {
  return {
    batch: { status: { notIn: ["cancelled"] } },
    OR: [
      { state: "queued", runAfter: { lte: now } },
      { state: "processing", leaseUntil: { lt: now } },
    ],
  };
}

function publishWhere(now: Date): Prisma.ImageJobWhereInput {
  return { state: "publishing", runAfter: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
}

const claimableImage = (now: Date): Prisma.ImageJobWhereInput => ({ OR: [retouchWhere(now), publishWhere(now)] });

function shopTaskWhere(now: Date): Prisma.ShopTaskWhereInput {
  return {
    OR: [
      { state: "queued", runAfter: { lte: now } },
      { state: "processing", leaseUntil: { lt: now } },
    ],
  };
}

export type ClaimOutcome = { claimed: ClaimedTask } | { laterMs: number } | { gone: true };

export class Claims {
  constructor(
    private readonly db: PrismaClient,
    private readonly workerId: string,
    private readonly leaseMs: number,
  ) {}

  /** Claims the row a task points at (bullmq), or says when to look again, or that there is nothing to do. */
  async claim(ref: Pick<TaskRef, "kind" | "id">): Promise<ClaimOutcome> {
    const now = new Date();
    if (ref.kind === "pull") return this.claimPull(ref.id, now);
    if (ref.kind === "shop-task") return this.claimShopTask(ref.id, now);
    const where = ref.kind === "retouch" ? retouchWhere(now) : publishWhere(now);
    const claimed = await this.claimImage(ref.id, ref.kind, where, now);
    if (claimed) return { claimed };
    const row = await this.db.imageJob.findUnique({
      where: { id: ref.id },
      select: { state: true, runAfter: true, leaseUntil: true },
    });
    if (!row) return { gone: true };
    const waiting =
      (ref.kind === "retouch" && row.state === "queued") || (ref.kind === "publish" && row.state === "publishing");
    if (waiting && row.runAfter > now) return { laterMs: row.runAfter.getTime() - now.getTime() };
    if ((row.state === "processing" || row.state === "publishing") && row.leaseUntil && row.leaseUntil > now)
      return { laterMs: row.leaseUntil.getTime() - now.getTime() + 50 };
    return { gone: true };
  }

  /**
   * Claims the next claimable row, fairly: pulls first (they are short and unlock work), then one
   * image of the shop after `afterShop` in name order (round-robin across shops), publishes before
   * retouches within a shop, oldest first.
   */
  async claimNext(afterShop: string | null): Promise<ClaimedTask | null> {
    const now = new Date();
    const pull = await this.db.batch.findFirst({
      where: { status: "pulling", updatedAt: { lt: new Date(now.getTime() - this.leaseMs) } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (pull) {
      const r = await this.claimPull(pull.id, now);
      if ("claimed" in r) return r.claimed;
    }
    // Webhook work next (short, and Shopify expects it done soon).
    const shopTask = await this.db.shopTask.findFirst({
      where: shopTaskWhere(now),
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (shopTask) {
      const r = await this.claimShopTask(shopTask.id, now);
      if ("claimed" in r) return r.claimed;
    }
    const shops = (await this.db.imageJob.groupBy({ by: ["shop"], where: claimableImage(now) }))
      .map((r) => r.shop)
      .sort();
    if (shops.length === 0) return null;
    const i = afterShop === null ? 0 : shops.findIndex((s) => s > afterShop);
    const order = [...shops.slice(i < 0 ? 0 : i), ...shops.slice(0, i < 0 ? 0 : i)];
    for (const shop of order) {
      for (let tries = 0; tries < 3; tries++) {
        const pub = await this.db.imageJob.findFirst({
          where: { shop, ...publishWhere(now) },
          orderBy: [{ runAfter: "asc" }],
          select: { id: true },
        });
        const job =
          pub ??
          (await this.db.imageJob.findFirst({
            where: { shop, ...retouchWhere(now) },
            orderBy: [{ createdAt: "asc" }, { position: "asc" }],
            select: { id: true },
          }));
        if (!job) break;
        const kind: TaskKind = pub ? "publish" : "retouch";
        const claimed = await this.claimImage(
          job.id,
          kind,
          kind === "publish" ? publishWhere(now) : retouchWhere(now),
          now,
        );
        if (claimed) return claimed;
      }
    }
    return null;
  }

  private async claimImage(
    id: string,
    kind: TaskKind,
    where: Prisma.ImageJobWhereInput,
    now: Date,
  ): Promise<ClaimedTask | null> {
    const res = await this.db.imageJob.updateMany({
      where: { id, ...where },
      data: {
        ...(kind === "retouch" ? { state: "processing" } : {}),
        leaseUntil: new Date(now.getTime() + this.leaseMs),
        processedBy: this.workerId,
        attempts: { increment: 1 },
      },
    });
    if (res.count === 0) return null;
    const row = await this.db.imageJob.findUnique({ where: { id }, select: { shop: true, attempts: true } });
    return row ? { kind, id, shop: row.shop, attempts: row.attempts, workerId: this.workerId } : null;
  }

  private async claimPull(id: string, now: Date): Promise<ClaimOutcome> {
    const res = await this.db.batch.updateMany({
      where: { id, status: "pulling", updatedAt: { lt: new Date(now.getTime() - this.leaseMs) } },
      data: { updatedAt: now },
    });
    const row = await this.db.batch.findUnique({
      where: { id },
      select: { shop: true, status: true, updatedAt: true },
    });
    if (res.count === 1 && row)
      return { claimed: { kind: "pull", id, shop: row.shop, attempts: 1, workerId: this.workerId } };
    if (row?.status === "pulling")
      return { laterMs: Math.max(50, row.updatedAt.getTime() + this.leaseMs - now.getTime() + 50) };
    return { gone: true };
  }

  private async claimShopTask(id: string, now: Date): Promise<ClaimOutcome> {
    const res = await this.db.shopTask.updateMany({
      where: { id, ...shopTaskWhere(now) },
      data: {
        state: "processing",
        leaseUntil: new Date(now.getTime() + this.leaseMs),
        processedBy: this.workerId,
        attempts: { increment: 1 },
      },
    });
    const row = await this.db.shopTask.findUnique({
      where: { id },
      select: { shop: true, state: true, attempts: true, runAfter: true, leaseUntil: true },
    });
    if (res.count === 1 && row)
      return { claimed: { kind: "shop-task", id, shop: row.shop, attempts: row.attempts, workerId: this.workerId } };
    if (row?.state === "queued") return { laterMs: Math.max(50, row.runAfter.getTime() - now.getTime()) };
    if (row?.state === "processing" && row.leaseUntil)
      return { laterMs: Math.max(50, row.leaseUntil.getTime() - now.getTime() + 50) };
    return { gone: true };
  }

  /** Keeps a claim alive; false when the row is no longer ours (handed back, reclaimed, cancelled). */
  async renew(task: ClaimedTask): Promise<boolean> {
    const now = new Date();
    if (task.kind === "pull") {
      const r = await this.db.batch.updateMany({ where: { id: task.id, status: "pulling" }, data: { updatedAt: now } });
      return r.count === 1;
    }
    if (task.kind === "shop-task") {
      const r = await this.db.shopTask.updateMany({
        where: { id: task.id, processedBy: this.workerId, state: "processing" },
        data: { leaseUntil: new Date(now.getTime() + this.leaseMs) },
      });
      return r.count === 1;
    }
    const r = await this.db.imageJob.updateMany({
      where: { id: task.id, processedBy: this.workerId, state: task.kind === "retouch" ? "processing" : "publishing" },
      data: { leaseUntil: new Date(now.getTime() + this.leaseMs) },
    });
    return r.count === 1;
  }

  /** On shutdown: rows this worker still holds become claimable again at once. */
  async handBack(tasks: ClaimedTask[]): Promise<number> {
    let n = 0;
    for (const t of tasks) {
      if (t.kind === "pull") {
        n += (
          await this.db.batch.updateMany({ where: { id: t.id, status: "pulling" }, data: { updatedAt: new Date(0) } })
        ).count;
      } else if (t.kind === "shop-task") {
        n += (
          await this.db.shopTask.updateMany({
            where: { id: t.id, processedBy: this.workerId, state: "processing" },
            data: { state: "queued", leaseUntil: null, runAfter: new Date(), attempts: { decrement: 1 } },
          })
        ).count;
      } else {
        const data =
          t.kind === "retouch"
            ? { state: "queued", leaseUntil: null, runAfter: new Date(), attempts: { decrement: 1 } }
            : { leaseUntil: null, attempts: { decrement: 1 } };
        n += (
          await this.db.imageJob.updateMany({
            where: { id: t.id, processedBy: this.workerId, state: t.kind === "retouch" ? "processing" : "publishing" },
            data,
          })
        ).count;
      }
    }
    return n;
  }

  /** Rows held by dead processes of this host (a crash, kill -9) are released without waiting for their lease. */
  async releaseDeadLocalLeases(host: string, isAlive: (pid: number) => boolean): Promise<number> {
    const held = await this.db.imageJob.findMany({
      where: {
        state: { in: ["processing", "publishing"] },
        leaseUntil: { gt: new Date() },
        processedBy: { startsWith: `${host}:` },
      },
      select: { id: true, processedBy: true },
    });
    const dead = held.filter((r) => {
      const pid = Number(r.processedBy?.slice(host.length + 1).split("#")[0]);
      return Number.isInteger(pid) && pid !== process.pid && !isAlive(pid);
    });
    if (dead.length === 0) return 0;
    const res = await this.db.imageJob.updateMany({
      where: { id: { in: dead.map((d) => d.id) } },
      data: { leaseUntil: new Date(Date.now() - 1) },
    });
    return res.count;
  }

  /** Rows that are claimable now, for the bullmq driver's sweep (tasks lost with Redis or a crash). */
  async claimableRefs(limit = 500): Promise<TaskRef[]> {
    const now = new Date();
    const pulls = await this.db.batch.findMany({
      where: { status: "pulling", updatedAt: { lt: new Date(now.getTime() - this.leaseMs) } },
      select: { id: true, shop: true },
      take: limit,
    });
    const jobs = await this.db.imageJob.findMany({
      where: claimableImage(now),
      select: { id: true, shop: true, state: true, attempts: true, position: true },
      take: limit,
      orderBy: { createdAt: "asc" },
    });
    const shopTasks = await this.db.shopTask.findMany({
      where: shopTaskWhere(now),
      select: { id: true, shop: true, attempts: true },
      take: limit,
    });
    return [
      ...pulls.map((b) => ({ kind: "pull" as const, id: b.id, shop: b.shop })),
      ...shopTasks.map((t) => ({ kind: "shop-task" as const, id: t.id, shop: t.shop, attempt: t.attempts })),
      ...jobs.map((j) => ({
        kind: (j.state === "publishing" ? "publish" : "retouch") as TaskKind,
        id: j.id,
        shop: j.shop,
        attempt: j.attempts,
        priority: j.position + 1,
      })),
    ];
  }
}
