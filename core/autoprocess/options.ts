// Tuning of auto-processing, from the environment with safe defaults.
import { env } from "../config.server";

export interface AutoOptions {
  /** Most products looked at in one tick, across all shops. */
  productsPerTick: number;
  /** Most products of one shop looked at in one tick (also the per-shop burst). */
  productsPerShopPerTick: number;
  /** Sustained per-shop rate of products looked at, whatever the tick interval. */
  productsPerShopPerMinute: number;
  /** How long a claimed product is hidden from other workers before it is retried (crash safety). */
  claimLeaseMs: number;
  /** Delays before looking again at a product whose media are still processing (or whose lookup failed). */
  retryDelaysMs: number[];
  /** Shops worked on at once in a tick (one slow or throttled shop does not hold up the others). */
  shopConcurrency: number;
  /** Tick interval of startAutoProcessing(). */
  intervalMs: number;
}

function int(name: string, fallback: number): number {
  const n = Number(env(name, String(fallback)));
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

export function autoOptions(overrides: Partial<AutoOptions> = {}): AutoOptions {
  return {
    productsPerTick: int("LOUPE_AUTO_PRODUCTS_PER_TICK", 50),
    productsPerShopPerTick: int("LOUPE_AUTO_PRODUCTS_PER_SHOP_PER_TICK", 10),
    productsPerShopPerMinute: int("LOUPE_AUTO_PRODUCTS_PER_SHOP_PER_MINUTE", 60),
    claimLeaseMs: int("LOUPE_AUTO_CLAIM_LEASE_MS", 10 * 60_000),
    retryDelaysMs: [60_000, 3 * 60_000, 10 * 60_000, 30 * 60_000],
    shopConcurrency: Math.max(1, int("LOUPE_AUTO_SHOP_CONCURRENCY", 4)),
    intervalMs: int("LOUPE_AUTO_INTERVAL_MS", 5_000),
    ...overrides,
  };
}
