// The auto-processing scheduler against a real SQLite database: debounce, policy, loop guard,
// retries while Shopify still processes media, claims that survive concurrent workers and webhooks.
import { describe, expect, it } from "vitest";
import { createAutoProcessor } from "../../../core/autoprocess/scheduler.server";
import { autoOptions } from "../../../core/autoprocess/options";
import { DEBOUNCE_MS, deps, mediaGid, productGid, setShop, webhookSeen, autoHarness } from "./harness";

const SHOP = "rings.myshopify.com";
const T0 = new Date("2026-03-10T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

const h = autoHarness(T0);
const processor = (o: Partial<ReturnType<typeof autoOptions>> = {}) =>
  createAutoProcessor(deps(h.candidates, h.batches), autoOptions(o));

describe("debounce", () => {
  it("a product edited five times in a minute is looked at once, after the last edit's debounce", async () => {
    const p = processor();
    h.candidates.set(SHOP, productGid(1), [mediaGid(11), mediaGid(12)]);
    for (const s of [0, 10, 20, 40, 55]) await webhookSeen(h.t.prisma, SHOP, productGid(1), at(s * 1000));
    expect(await h.t.prisma.pendingProduct.count()).toBe(1);

    h.now = at(55_000 + DEBOUNCE_MS - 1);
    expect(await p.tick(h.now)).toEqual({ products: 0, jobs: 0, deferred: 0, capped: 0 });
    expect(h.candidates.calls).toEqual([]);

    h.now = at(55_000 + DEBOUNCE_MS);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 2, deferred: 0, capped: 0 });
    h.now = at(10 * 60_000);
    expect(await p.tick(h.now)).toEqual({ products: 0, jobs: 0, deferred: 0, capped: 0 });

    expect(h.candidates.calls).toEqual([`${SHOP} ${productGid(1)}`]);
    expect(await h.t.prisma.pendingProduct.count()).toBe(0);
    const jobs = await h.t.prisma.imageJob.findMany({ orderBy: { mediaId: "asc" } });
    expect(jobs.map((j) => [j.productId, j.mediaId, j.state, j.autoPublish])).toEqual([
      [productGid(1), mediaGid(11), "queued", false],
      [productGid(1), mediaGid(12), "queued", false],
    ]);
    expect(await h.t.prisma.batch.count({ where: { source: "auto" } })).toBe(1);
  });
});

describe("policy", () => {
  it("off drops the product without looking it up; hold makes review jobs; publish makes auto-publish jobs", async () => {
    const p = processor();
    await setShop(h.t.prisma, "off.myshopify.com", "off");
    await setShop(h.t.prisma, "hold.myshopify.com", "hold");
    await setShop(h.t.prisma, "publish.myshopify.com", "publish");
    for (const [i, shop] of [
      "off.myshopify.com",
      "hold.myshopify.com",
      "publish.myshopify.com",
      "new.myshopify.com",
    ].entries()) {
      h.candidates.set(shop, productGid(i), [mediaGid(100 + i)]);
      await webhookSeen(h.t.prisma, shop, productGid(i), T0);
    }
    h.now = at(DEBOUNCE_MS);
    expect(await p.tick(h.now)).toEqual({ products: 4, jobs: 3, deferred: 0, capped: 0 });

    expect(h.candidates.calls.some((c) => c.startsWith("off."))).toBe(false);
    const jobs = await h.t.prisma.imageJob.findMany({ orderBy: { shop: "asc" } });
    // A shop with no Shop row yet gets the default policy: hold.
    expect(jobs.map((j) => [j.shop, j.mediaId, j.autoPublish])).toEqual([
      ["hold.myshopify.com", mediaGid(101), false],
      ["new.myshopify.com", mediaGid(103), false],
      ["publish.myshopify.com", mediaGid(102), true],
    ]);
    expect(h.batches.requests.find((r) => r.shop === "publish.myshopify.com")).toEqual({
      shop: "publish.myshopify.com",
      productIds: [productGid(2)],
      mediaIds: [mediaGid(102)],
      autoPublish: true,
    });
    expect(await h.t.prisma.pendingProduct.count()).toBe(0);
  });

  it("an uninstalled shop's pending products are dropped", async () => {
    await h.t.prisma.shop.create({ data: { shop: SHOP, uninstalledAt: T0 } });
    h.candidates.set(SHOP, productGid(1), [mediaGid(1)]);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    h.now = at(DEBOUNCE_MS);
    expect(await processor().tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 0, capped: 0 });
    expect(h.candidates.calls).toEqual([]);
    expect(await h.t.prisma.pendingProduct.count()).toBe(0);
  });
});

describe("loop guard", () => {
  /** Product 1 with media 1 edited at T0; the tick after the debounce makes exactly one job. */
  async function oneProductOneJob() {
    const p = processor();
    h.candidates.set(SHOP, productGid(1), [mediaGid(1)]);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    h.now = at(DEBOUNCE_MS);
    expect((await p.tick(h.now)).jobs).toBe(1);
    return p;
  }

  it("Loupe's own publish (products/update while its job or its write is in flight) starts no new work", async () => {
    const p = await oneProductOneJob();

    // Loupe publishes: Shopify sends products/update. Even if the lookup (wrongly) returned the media
    // whose job is publishing, and a media Loupe is writing (ledger "written"), no job is made.
    const job = await h.t.prisma.imageJob.findFirstOrThrow();
    await h.t.prisma.imageJob.update({ where: { id: job.id }, data: { state: "publishing" } });
    await h.t.prisma.mediaLedger.create({
      data: {
        shop: SHOP,
        productId: productGid(1),
        mediaId: mediaGid(2),
        jobId: job.id,
        kind: "publish",
        sha256: "ab",
        state: "written",
      },
    });
    h.candidates.set(SHOP, productGid(1), [mediaGid(1), mediaGid(2)]);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), at(60_000));
    h.now = at(60_000 + DEBOUNCE_MS);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 0, capped: 0 });
    expect(await h.t.prisma.imageJob.count()).toBe(1);
    expect(await h.t.prisma.batch.count()).toBe(1);
    expect(await h.t.prisma.pendingProduct.count()).toBe(0);
  });

  it("finished jobs and writes are left to the candidate filter's judgement (a photo replaced later is new work)", async () => {
    const p = await oneProductOneJob();
    const job = await h.t.prisma.imageJob.findFirstOrThrow();
    await h.t.prisma.imageJob.update({ where: { id: job.id }, data: { state: "published" } });
    await h.t.prisma.mediaLedger.create({
      data: {
        shop: SHOP,
        productId: productGid(1),
        mediaId: mediaGid(1),
        jobId: job.id,
        kind: "publish",
        sha256: "ab",
        state: "ready",
      },
    });
    // The filter says the merchant replaced the photo since (a new version Loupe did not write).
    await webhookSeen(h.t.prisma, SHOP, productGid(1), at(3_600_000));
    h.now = at(3_600_000 + DEBOUNCE_MS);
    expect((await p.tick(h.now)).jobs).toBe(1);
    expect(await h.t.prisma.imageJob.count({ where: { mediaId: mediaGid(1) } })).toBe(2);
  });

  it("the jobs and ledger of another shop do not hide this shop's media", async () => {
    await h.t.prisma.mediaLedger.create({
      data: {
        shop: "other.myshopify.com",
        productId: productGid(1),
        mediaId: mediaGid(1),
        jobId: "x",
        kind: "publish",
        sha256: "ab",
      },
    });
    h.candidates.set(SHOP, productGid(1), [mediaGid(1)]);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    h.now = at(DEBOUNCE_MS);
    expect((await processor().tick(h.now)).jobs).toBe(1);
  });
});

describe("media still processing", () => {
  it("the product is looked at again later, a bounded number of times, then dropped", async () => {
    const p = processor({ retryDelaysMs: [60_000, 120_000] });
    h.candidates.set(SHOP, productGid(1), [], 2);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);

    h.now = at(DEBOUNCE_MS);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 1, capped: 0 });
    expect((await h.t.prisma.pendingProduct.findFirstOrThrow()).dueAt.toISOString()).toBe(
      at(DEBOUNCE_MS + 60_000).toISOString(),
    );

    h.now = at(DEBOUNCE_MS + 60_000);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 1, capped: 0 });
    expect((await h.t.prisma.pendingProduct.findFirstOrThrow()).dueAt.toISOString()).toBe(
      at(DEBOUNCE_MS + 180_000).toISOString(),
    );

    h.now = at(DEBOUNCE_MS + 180_000);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 0, capped: 0 });
    expect(await h.t.prisma.pendingProduct.count()).toBe(0);
    expect(h.candidates.calls).toHaveLength(3);
  });

  it("ready media get jobs h.now, and the product comes back for the ones still processing", async () => {
    const p = processor({ retryDelaysMs: [60_000] });
    h.candidates.set(SHOP, productGid(1), [mediaGid(1)], 1);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    h.now = at(DEBOUNCE_MS);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 1, deferred: 1, capped: 0 });

    h.candidates.set(SHOP, productGid(1), [mediaGid(1), mediaGid(2)], 0); // mediaGid(1) has its job: filtered
    h.now = at(DEBOUNCE_MS + 60_000);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 1, deferred: 0, capped: 0 });
    expect((await h.t.prisma.imageJob.findMany({ orderBy: { mediaId: "asc" } })).map((j) => j.mediaId)).toEqual([
      mediaGid(1),
      mediaGid(2),
    ]);
    expect(h.batches.requests.map((r) => r.mediaIds)).toEqual([[mediaGid(1)], [mediaGid(2)]]);
    expect(await h.t.prisma.pendingProduct.count()).toBe(0);
  });

  it("a failed lookup or a failed batch puts the product back instead of losing it", async () => {
    const p = processor({ retryDelaysMs: [30_000, 30_000] });
    h.candidates.set(SHOP, productGid(1), [mediaGid(1)]);
    h.candidates.fail.add(productGid(1));
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    h.now = at(DEBOUNCE_MS);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 1, capped: 0 });

    h.candidates.fail.clear();
    h.batches.failNext();
    h.now = at(DEBOUNCE_MS + 30_000);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 1, capped: 0 });
    expect(await h.t.prisma.imageJob.count()).toBe(0);

    h.now = at(DEBOUNCE_MS + 60_000);
    expect(await p.tick(h.now)).toEqual({ products: 1, jobs: 1, deferred: 0, capped: 0 });
  });
});

describe("deleted products", () => {
  it("a product deleted before its turn is dropped, not retried", async () => {
    h.candidates.gone.add(productGid(1));
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    h.now = at(DEBOUNCE_MS);
    expect(await processor().tick(h.now)).toEqual({ products: 1, jobs: 0, deferred: 0, capped: 0 });
    expect(await h.t.prisma.pendingProduct.count()).toBe(0);
  });
});

describe("shops side by side", () => {
  it("a shop whose lookups hang does not hold up another shop in the same tick", async () => {
    const slow = "a-slow.myshopify.com"; // sorts first: served first
    h.candidates.set(slow, productGid(1), [mediaGid(1)]);
    h.candidates.set(SHOP, productGid(2), [mediaGid(2)]);
    await webhookSeen(h.t.prisma, slow, productGid(1), T0);
    await webhookSeen(h.t.prisma, SHOP, productGid(2), T0);
    let otherShopLooked!: () => void;
    const other = new Promise<void>((r) => (otherShopLooked = r));
    h.candidates.onLookup = async (shop) => {
      if (shop === slow)
        await Promise.race([
          other,
          new Promise((_, no) => setTimeout(() => no(new Error("the other shop was never looked at")), 3000)),
        ]);
      else otherShopLooked();
    };
    h.now = at(DEBOUNCE_MS);
    expect(await processor({ shopConcurrency: 2 }).tick(h.now)).toEqual({
      products: 2,
      jobs: 2,
      deferred: 0,
      capped: 0,
    });
  });
});

describe("claims", () => {
  it("a webhook that arrives while the product is being processed re-arms it for its own debounce", async () => {
    const p = processor();
    h.candidates.set(SHOP, productGid(1), [mediaGid(1)]);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    h.candidates.onLookup = async () => {
      h.candidates.onLookup = null;
      await webhookSeen(h.t.prisma, SHOP, productGid(1), at(DEBOUNCE_MS + 1000));
    };
    h.now = at(DEBOUNCE_MS);
    expect((await p.tick(h.now)).jobs).toBe(1);
    const row = await h.t.prisma.pendingProduct.findFirstOrThrow();
    expect(row.dueAt.toISOString()).toBe(at(2 * DEBOUNCE_MS + 1000).toISOString());
  });

  it("two workers ticking at once never take the same product twice", async () => {
    for (let i = 0; i < 40; i++) {
      h.candidates.set(SHOP, productGid(i), [mediaGid(i)]);
      await webhookSeen(h.t.prisma, SHOP, productGid(i), T0);
    }
    h.now = at(DEBOUNCE_MS);
    const worker = () => processor({ productsPerShopPerTick: 20 });
    const [a, b] = await Promise.all([worker().tick(h.now), worker().tick(h.now)]);
    // Each tick takes at most its 20. Both read the oldest due rows; a row both read goes to one of them
    // (the claim is conditional on the updatedAt read), and a tick whose read came after the other's
    // claims went on to younger rows — which one happens depends on timing (PostgreSQL under load: 22).
    expect(a.products).toBeLessThanOrEqual(20);
    expect(b.products).toBeLessThanOrEqual(20);
    expect(a.products + b.products).toBeGreaterThanOrEqual(20);
    const [c, d] = await Promise.all([worker().tick(h.now), worker().tick(h.now)]);
    expect(a.jobs + b.jobs + c.jobs + d.jobs).toBe(40);
    expect(new Set(h.candidates.calls).size).toBe(40);
    expect(h.candidates.calls).toHaveLength(40);
    expect(await h.t.prisma.imageJob.count()).toBe(40);
  });

  it("a worker that dies after claiming leaves the product to come due again after the lease", async () => {
    h.candidates.set(SHOP, productGid(1), [mediaGid(1)]);
    await webhookSeen(h.t.prisma, SHOP, productGid(1), T0);
    const { claimDue } = await import("../../../core/autoprocess/claim.server");
    h.now = at(DEBOUNCE_MS);
    const { byShop } = await claimDue(
      h.now,
      { productsPerTick: 10, productsPerShopPerTick: 10, claimLeaseMs: 600_000 },
      null,
    );
    expect(byShop.get(SHOP)?.map((c) => c.productId)).toEqual([productGid(1)]);
    // ... and dies. Another worker sees nothing until the lease ends, then takes it.
    expect((await processor().tick(at(DEBOUNCE_MS + 599_000))).products).toBe(0);
    expect(await processor().tick(at(DEBOUNCE_MS + 600_000))).toEqual({ products: 1, jobs: 1, deferred: 0, capped: 0 });
  });
});
