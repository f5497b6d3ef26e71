// A real SQLite database on a temp file, the app's services pointed at it, and controllable fakes for
// the two services auto-processing calls (the Shopify candidate lookup and the batch service).
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { ShopifyError } from "../../../core/shopify/errors";
import type { AutoBatchRequest, AutoCandidates, AutoDeps } from "../../../core/autoprocess/ports";
import { testDatabaseUrl } from "../../support/database";

export interface TestDb {
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** The integration project runs its files in ONE process (singleFork): core/db.server.ts keeps its client on
 *  globalThis across files. Drop it so the next import makes a client for the current DATABASE_URL. */
export async function forgetProcessPrisma(): Promise<void> {
  const g = globalThis as { __loupePrisma?: PrismaClient };
  await g.__loupePrisma?.$disconnect().catch(() => undefined);
  g.__loupePrisma = undefined;
}

export async function openTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "loupe-auto-"));
  const url = await testDatabaseUrl(dir);
  await forgetProcessPrisma();
  process.env.DATABASE_URL = url;
  const { setupDatabase } = await import("../../../scripts/setup");
  process.env.LOUPE_OWN_MIGRATOR = "1";
  await setupDatabase(url);
  const { createPrisma } = await import("../../../core/db.server");
  const { setDb: pointServicesAt } = await import("../../../core/db.server");
  const prisma = createPrisma(url);
  pointServicesAt(prisma);
  return {
    prisma,
    async close() {
      pointServicesAt(null);
      await prisma.$disconnect();
      await forgetProcessPrisma();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Empties the tables the scheduler reads and writes, between tests of one file. */
export async function clearAutoTables(prisma: PrismaClient): Promise<void> {
  for (const m of ["imageJob", "batch", "pendingProduct", "mediaLedger", "shop"] as const)
    await (prisma[m] as { deleteMany(): Promise<unknown> }).deleteMany();
}

export const DEBOUNCE_MS = 45_000;

/** What the webhook route does on products/create|update: one row per product, due after the debounce. */
export async function webhookSeen(prisma: PrismaClient, shop: string, productId: string, at: Date): Promise<void> {
  const dueAt = new Date(at.getTime() + DEBOUNCE_MS);
  await prisma.pendingProduct.upsert({
    where: { shop_productId: { shop, productId } },
    create: { shop, productId, dueAt },
    update: { dueAt },
  });
}

export const productGid = (n: number) => `gid://shopify/Product/${n}`;
export const mediaGid = (n: number) => `gid://shopify/MediaImage/${n}`;

/** Fake Shopify media per product; records every lookup. */
export class FakeCandidates {
  readonly media = new Map<string, AutoCandidates>();
  readonly owner = new Map<string, string>();
  readonly calls: string[] = [];
  fail = new Set<string>();
  gone = new Set<string>();
  onLookup: ((shop: string, productId: string) => Promise<void>) | null = null;

  set(shop: string, productId: string, mediaIds: string[], processing = 0) {
    this.media.set(`${shop} ${productId}`, { mediaIds, processing });
    for (const m of mediaIds) this.owner.set(m, productId);
  }

  readonly find = async (shop: string, productId: string): Promise<AutoCandidates> => {
    this.calls.push(`${shop} ${productId}`);
    if (this.onLookup) await this.onLookup(shop, productId);
    if (this.fail.has(productId)) throw new Error("Shopify said 503");
    if (this.gone.has(productId))
      throw new ShopifyError("This product no longer exists in your store.", {
        transient: false,
        code: "PRODUCT_NOT_FOUND",
      });
    return this.media.get(`${shop} ${productId}`) ?? { mediaIds: [], processing: 0 };
  };
}

/** Stands in for createBatch(shop, {productIds}, {source:"auto", autoPublish, mediaIds}): real Batch + ImageJob rows. */
/** `clock` is the simulated time: the rows get it as createdAt, as the real service would at that moment. */
export function fakeBatchService(prisma: PrismaClient, owner: Map<string, string>, clock: () => Date) {
  const requests: Array<{ shop: string } & AutoBatchRequest> = [];
  let failing = false;
  return {
    requests,
    failNext() {
      failing = true;
    },
    create: async (shop: string, req: AutoBatchRequest) => {
      if (failing) {
        failing = false;
        throw new Error("database is locked");
      }
      requests.push({ shop, ...req });
      const batch = await prisma.batch.create({
        data: {
          shop,
          source: "auto",
          productIds: JSON.stringify(req.productIds),
          settings: JSON.stringify({ request: { mediaIds: req.mediaIds, autoPublish: req.autoPublish } }),
          settingsHash: "test",
          status: "running",
          total: req.mediaIds.length,
          createdAt: clock(),
        },
      });
      await prisma.imageJob.createMany({
        data: req.mediaIds.map((mediaId, i) => ({
          shop,
          batchId: batch.id,
          productId: owner.get(mediaId) ?? req.productIds[0]!,
          mediaId,
          position: i,
          settingsHash: "test",
          autoPublish: req.autoPublish,
          createdAt: clock(),
        })),
      });
      return { batchId: batch.id, jobs: req.mediaIds.length };
    },
  };
}

export function deps(c: FakeCandidates, b: ReturnType<typeof fakeBatchService>): AutoDeps {
  return { findCandidates: c.find, createAutoBatch: b.create };
}

export async function setShop(
  prisma: PrismaClient,
  shop: string,
  autoPolicy: "off" | "hold" | "publish",
  dailyCap = 500,
) {
  await prisma.shop.upsert({
    where: { shop },
    create: { shop, autoPolicy, dailyCap },
    update: { autoPolicy, dailyCap },
  });
}

/** The state one scheduler test works on; `now` is the clock the fake batch service reads. */
export interface AutoHarness {
  t: TestDb;
  now: Date;
  candidates: FakeCandidates;
  batches: ReturnType<typeof fakeBatchService>;
}

/**
 * Registers the suite's hooks: one test database for the file, emptied before each test, with fresh
 * fakes and the clock back at `start`. Read the fields inside tests (they are replaced per test).
 */
export function autoHarness(start: Date): AutoHarness {
  const h = { now: start } as AutoHarness;
  beforeAll(async () => {
    h.t = await openTestDb();
  });
  afterAll(async () => {
    await h.t.close();
  });
  beforeEach(async () => {
    await clearAutoTables(h.t.prisma);
    h.now = start;
    h.candidates = new FakeCandidates();
    h.batches = fakeBatchService(h.t.prisma, h.candidates.owner, () => h.now);
  });
  return h;
}
