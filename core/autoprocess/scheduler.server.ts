// Auto-processing of new uploads: turns due PendingProduct rows (written, debounced, by the
// products/* webhook) into "auto" batches, under each shop's policy and daily cap.
//
// Flood control: a tick claims at most `productsPerTick` products, at most `productsPerShopPerTick`
// per shop and no more than the shop's rate (`productsPerShopPerMinute`, a token bucket), shops
// served round-robin (a cursor carries over between ticks), so a 10,000-product import drains as a
// steady stream while other shops keep their turn. Each shop's due products of a
// tick become ONE auto batch (a new batch per shop per tick: no shared mutable batch to append to,
// and a batch maps to "what arrived together").
import { claimDue } from "./claim.server";
import { autoOptions, type AutoOptions } from "./options";
import type { AutoDeps } from "./ports";
import { processShop, zeroCounts, type TickCounts } from "./process-shop.server";
import { ShopRateLimiter } from "./rate-limit";
import { RetryCounter } from "./retries";
import { loadShopPolicies } from "./shop-policy.server";

export type { TickCounts } from "./process-shop.server";

export interface AutoProcessor {
  tick(now?: Date): Promise<TickCounts>;
}

export function createAutoProcessor(deps: AutoDeps, opts: AutoOptions = autoOptions()): AutoProcessor {
  const retries = new RetryCounter(opts.retryDelaysMs);
  const rate = new ShopRateLimiter(opts.productsPerShopPerMinute, opts.productsPerShopPerTick);
  let cursor: string | null = null;
  return {
    async tick(now = new Date()) {
      const { byShop, lastShop } = await claimDue(now, opts, cursor, rate);
      cursor = lastShop;
      const total = zeroCounts();
      if (byShop.size === 0) return total;
      const policies = await loadShopPolicies([...byShop.keys()]);
      await eachLimited([...byShop], opts.shopConcurrency, async ([shop, claims]) => {
        const c = await processShop(claims, policies.get(shop)!, deps, retries, now);
        total.products += c.products;
        total.jobs += c.jobs;
        total.deferred += c.deferred;
        total.capped += c.capped;
      });
      return total;
    },
  };
}

/** Runs `fn` over `items`, at most `limit` at a time, in order of start. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

let shared: AutoProcessor | null = null;

/** One tick with the real services (Shopify's media via the candidate filter, the batch service).
 *  They are imported on first use: loading this module touches neither Shopify nor the database. */
export async function runAutoProcessingTick(now?: Date): Promise<TickCounts> {
  if (!shared) {
    const { defaultAutoDeps } = await import("./deps.server");
    shared ??= createAutoProcessor(defaultAutoDeps());
  }
  return shared.tick(now);
}

/** Runs ticks every `intervalMs` (never two at once) until stop(); stop() waits for the tick in flight. */
export function startAutoProcessing(opts: { intervalMs?: number; processor?: AutoProcessor } = {}): {
  stop(): Promise<void>;
} {
  const intervalMs = opts.intervalMs ?? autoOptions().intervalMs;
  const tick = opts.processor ? (now?: Date) => opts.processor!.tick(now) : runAutoProcessingTick;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    inFlight = tick()
      .then(
        (c) => {
          if (c.products > 0)
            console.info(
              `autoprocess: ${c.products} product(s), ${c.jobs} job(s), ${c.deferred} deferred, ${c.capped} capped`,
            );
        },
        (err: unknown) =>
          console.error(`autoprocess: tick failed: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
