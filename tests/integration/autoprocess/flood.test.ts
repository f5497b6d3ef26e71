// Floods and fairness against a real SQLite database: a 10,000-product import becomes bounded,
// rate-limited work; other shops keep their turn; the daily cap holds the rest until tomorrow.
import { describe, expect, it } from "vitest";
import { createAutoProcessor } from "../../../core/autoprocess/scheduler.server";
import { autoOptions } from "../../../core/autoprocess/options";
import { getAutoProcessingStatus } from "../../../core/autoprocess/status.server";
import { DEBOUNCE_MS, deps, mediaGid, productGid, setShop, autoHarness } from "./harness";

const BIG = "big-import.myshopify.com";
const SMALL = "small.myshopify.com";
const T0 = new Date("2026-03-10T10:00:00.000Z");
const MIDNIGHT = new Date("2026-03-11T00:00:00.000Z");

const h = autoHarness(T0);

async function importProducts(shop: string, from: number, count: number) {
  const dueAt = new Date(T0.getTime() + DEBOUNCE_MS);
  const rows = Array.from({ length: count }, (_, i) => ({ shop, productId: productGid(from + i), dueAt }));
  for (let i = 0; i < rows.length; i += 500)
    await h.t.prisma.pendingProduct.createMany({ data: rows.slice(i, i + 500) });
  for (let i = 0; i < count; i++) h.candidates.set(shop, productGid(from + i), [mediaGid(from + i)]);
}

describe("flood control", () => {
  it("10,000 new products: bounded chunks per tick, the small shop served in the first tick, the cap holds the rest until tomorrow", async () => {
    await setShop(h.t.prisma, BIG, "hold", 50);
    await setShop(h.t.prisma, SMALL, "hold", 50);
    await importProducts(BIG, 0, 10_000);
    await importProducts(SMALL, 20_000, 3);
    const p = createAutoProcessor(
      deps(h.candidates, h.batches),
      autoOptions({ productsPerTick: 100, productsPerShopPerTick: 20, productsPerShopPerMinute: 60 }),
    );
    // Ticks 20 s apart: the shop's rate (60 a minute) refills exactly one chunk of 20 between ticks.
    const tick = () => p.tick((h.now = new Date(h.now.getTime() + 20_000)));

    h.now = new Date(T0.getTime() + DEBOUNCE_MS - 20_000);
    expect(await tick()).toEqual({ products: 23, jobs: 23, deferred: 0, capped: 0 });
    expect(await h.t.prisma.imageJob.count({ where: { shop: SMALL } })).toBe(3);
    expect(await h.t.prisma.imageJob.count({ where: { shop: BIG } })).toBe(20);

    expect(await tick()).toEqual({ products: 20, jobs: 20, deferred: 0, capped: 0 });
    // 10 images left under the cap of 50: 10 products get jobs, the other 10 of the chunk wait.
    expect(await tick()).toEqual({ products: 20, jobs: 10, deferred: 0, capped: 10 });
    // Cap reached: no more Shopify lookups; the whole backlog is moved to tomorrow at once.
    const lookups = h.candidates.calls.length;
    expect(await tick()).toEqual({ products: 20, jobs: 0, deferred: 0, capped: 10_000 - 60 });
    expect(h.candidates.calls.length).toBe(lookups);
    expect(await tick()).toEqual({ products: 0, jobs: 0, deferred: 0, capped: 0 });

    expect(await h.t.prisma.imageJob.count({ where: { shop: BIG } })).toBe(50);
    expect(await h.t.prisma.pendingProduct.count({ where: { shop: BIG } })).toBe(9_950);
    expect(await h.t.prisma.pendingProduct.count({ where: { shop: BIG, dueAt: MIDNIGHT } })).toBe(9_950);
    // No batch bigger than a tick's chunk.
    expect(Math.max(...h.batches.requests.map((r) => r.mediaIds.length))).toBe(20);

    const status = await getAutoProcessingStatus(BIG, h.now);
    expect(status).toMatchObject({
      policy: "hold",
      dailyCap: 50,
      usedToday: 50,
      pending: 9_950,
      waitingForTomorrow: 9_950,
      capReached: true,
    });
    expect(status.message).toBe(
      "Daily limit reached: 50 of 50 images retouched automatically today. 9,950 products wait until tomorrow (00:00 UTC).",
    );

    // Tomorrow: the stream starts again, still 20 products per tick.
    h.now = new Date(MIDNIGHT.getTime() + 1000);
    expect(await p.tick(h.now)).toEqual({ products: 20, jobs: 20, deferred: 0, capped: 0 });
    expect((await getAutoProcessingStatus(BIG, h.now)).usedToday).toBe(20);
  });

  it("a shop's rate: a burst of one chunk, then products-per-minute, however often the scheduler ticks", async () => {
    await importProducts(BIG, 0, 200);
    const p = createAutoProcessor(
      deps(h.candidates, h.batches),
      autoOptions({ productsPerTick: 100, productsPerShopPerTick: 20, productsPerShopPerMinute: 30 }),
    );
    const perTick: number[] = [];
    for (let s = 0; s <= 60; s += 5) {
      h.now = new Date(T0.getTime() + DEBOUNCE_MS + s * 1000);
      perTick.push((await p.tick(h.now)).products);
    }
    expect(perTick).toEqual([20, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    expect(perTick.reduce((a, b) => a + b)).toBe(50);
    // Another shop is not slowed by this one's rate.
    await importProducts(SMALL, 1000, 5);
    expect((await p.tick(h.now)).products).toBe(5);
  });

  it("a product with more new images than the cap has left gets what fits, the rest tomorrow", async () => {
    await setShop(h.t.prisma, SMALL, "publish", 3);
    h.candidates.set(SMALL, productGid(1), [mediaGid(1), mediaGid(2), mediaGid(3), mediaGid(4), mediaGid(5)]);
    await h.t.prisma.pendingProduct.create({ data: { shop: SMALL, productId: productGid(1), dueAt: T0 } });
    const p = createAutoProcessor(deps(h.candidates, h.batches), autoOptions());
    expect(await p.tick(T0)).toEqual({ products: 1, jobs: 3, deferred: 0, capped: 1 });
    expect((await h.t.prisma.pendingProduct.findFirstOrThrow()).dueAt.toISOString()).toBe(MIDNIGHT.toISOString());
    h.now = MIDNIGHT;
    expect(await p.tick(MIDNIGHT)).toEqual({ products: 1, jobs: 2, deferred: 0, capped: 0 });
    expect(
      (await h.t.prisma.imageJob.findMany({ orderBy: { mediaId: "asc" } })).map((j) => [j.mediaId, j.autoPublish]),
    ).toEqual([1, 2, 3, 4, 5].map((n) => [mediaGid(n), true]));
  });

  it("round-robin: 30 shops with one product each and a budget of 20 per tick are all served within two ticks, each once", async () => {
    const shops = Array.from({ length: 30 }, (_, i) => `shop-${String(i).padStart(3, "0")}.myshopify.com`);
    for (const [i, shop] of shops.entries()) await importProducts(shop, i * 10, 1);
    const p = createAutoProcessor(
      deps(h.candidates, h.batches),
      autoOptions({ productsPerTick: 20, productsPerShopPerTick: 20 }),
    );
    h.now = new Date(T0.getTime() + DEBOUNCE_MS);
    expect((await p.tick(h.now)).products).toBe(20);
    const first = new Set(h.batches.requests.map((r) => r.shop));
    expect(first.size).toBe(20);
    expect((await p.tick(h.now)).products).toBe(10);
    const second = h.batches.requests.slice(20).map((r) => r.shop);
    expect(second.filter((s) => first.has(s))).toEqual([]);
    expect(new Set(h.batches.requests.map((r) => r.shop)).size).toBe(30);
  });

  it("round-robin: with more due work than budget, the shop served last is not served first next tick", async () => {
    for (const [i, shop] of ["a.myshopify.com", "b.myshopify.com", "c.myshopify.com"].entries())
      await importProducts(shop, i * 100, 10);
    const p = createAutoProcessor(
      deps(h.candidates, h.batches),
      autoOptions({ productsPerTick: 2, productsPerShopPerTick: 5 }),
    );
    h.now = new Date(T0.getTime() + DEBOUNCE_MS);
    const perTick: string[] = [];
    for (let i = 0; i < 3; i++) {
      const before = h.batches.requests.length;
      await p.tick(h.now);
      perTick.push(
        h.batches.requests
          .slice(before)
          .map((r) => r.shop[0]!)
          .sort()
          .join(""),
      );
    }
    // Budget 2 for 3 shops: a+b, then c+a (after b), then b+c (after a): each shop twice in 3 ticks.
    expect(perTick).toEqual(["ab", "ac", "bc"]);
  });
});
