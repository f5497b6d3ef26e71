// Claims due PendingProduct rows in a bounded chunk, round-robin across shops.
//
// A claim moves the row's dueAt forward by a lease and stamps its updatedAt, conditionally on the
// updatedAt we read: two workers never claim the same row, a worker that dies leaves the row to come
// due again after the lease, and a webhook that re-upserts the row meanwhile (new updatedAt) makes
// the claim's finish/reschedule a no-op, so the newer edit is looked at after its own debounce.
import { db } from "../db.server";
import type { ShopRateLimiter } from "./rate-limit";
import type { ArmedBy } from "../shopify/auto-candidates.server";

export interface ClaimedProduct {
  id: string;
  shop: string;
  productId: string;
  /** The updatedAt the claim wrote: the token for finishing or rescheduling this claim. */
  stamp: Date;
  /** What armed it: products/create since the last look, and Shopify's time of the first event. */
  armed: ArmedBy;
}

export interface ClaimLimits {
  productsPerTick: number;
  productsPerShopPerTick: number;
  claimLeaseMs: number;
}

/** Shops with due rows, rotated so the shop after `after` (by name) comes first. */
export async function dueShops(now: Date, after: string | null): Promise<string[]> {
  const groups = await db().pendingProduct.groupBy({ by: ["shop"], where: { dueAt: { lte: now } } });
  const shops = groups.map((g) => g.shop).sort();
  if (after === null) return shops;
  const i = shops.findIndex((s) => s > after);
  return i <= 0 ? shops : [...shops.slice(i), ...shops.slice(0, i)];
}

/** Claims up to `limit` due rows of one shop, oldest due first. */
export async function claimForShop(shop: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedProduct[]> {
  if (limit <= 0) return [];
  const prisma = db();
  const rows = await prisma.pendingProduct.findMany({
    where: { shop, dueAt: { lte: now } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed: ClaimedProduct[] = [];
  for (const r of rows) {
    const stamp = new Date(Math.max(Date.now(), r.updatedAt.getTime() + 1));
    const { count } = await prisma.pendingProduct.updateMany({
      where: { id: r.id, updatedAt: r.updatedAt },
      data: { dueAt: leaseUntil, updatedAt: stamp },
    });
    if (count === 1)
      claimed.push({
        id: r.id,
        shop: r.shop,
        productId: r.productId,
        stamp,
        armed: { created: r.created, eventAt: r.eventAt },
      });
  }
  return claimed;
}

/** One tick's claims, grouped by shop in round-robin order; the last shop served is returned for the next tick. */
export async function claimDue(
  now: Date,
  limits: ClaimLimits,
  after: string | null,
  rate: ShopRateLimiter | null = null,
): Promise<{ byShop: Map<string, ClaimedProduct[]>; lastShop: string | null }> {
  const shops = await dueShops(now, after);
  const byShop = new Map<string, ClaimedProduct[]>();
  let budget = limits.productsPerTick;
  let lastShop: string | null = after;
  const fairShare = Math.max(1, Math.ceil(budget / Math.max(1, shops.length)));
  for (const shop of shops) {
    if (budget <= 0) break;
    const take = Math.min(
      budget,
      fairShare,
      limits.productsPerShopPerTick,
      rate ? rate.available(shop, now) : Infinity,
    );
    if (take <= 0) continue; // over its rate: its turn comes again next tick
    const claimed = await claimForShop(shop, now, take, limits.claimLeaseMs);
    rate?.take(shop, claimed.length, now);
    lastShop = shop;
    if (claimed.length === 0) continue;
    byShop.set(shop, claimed);
    budget -= claimed.length;
  }
  return { byShop, lastShop };
}

/** The product was handled: remove its row unless a newer webhook re-armed it meanwhile. */
export async function finishClaim(c: ClaimedProduct): Promise<void> {
  await db().pendingProduct.deleteMany({ where: { id: c.id, updatedAt: c.stamp } });
}

/** Look at the product again at `dueAt` (unless a newer webhook re-armed it meanwhile). */
export async function rescheduleClaim(c: ClaimedProduct, dueAt: Date): Promise<void> {
  await db().pendingProduct.updateMany({ where: { id: c.id, updatedAt: c.stamp }, data: { dueAt } });
}

/** Puts every due, unclaimed row of a shop back to `dueAt` at once (the shop's daily cap is reached). */
export async function postponeDue(shop: string, now: Date, dueAt: Date): Promise<number> {
  const { count } = await db().pendingProduct.updateMany({ where: { shop, dueAt: { lte: now } }, data: { dueAt } });
  return count;
}
