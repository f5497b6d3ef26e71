// One shop's share of a tick: apply the policy and the daily cap to its claimed products, look up
// their new media, and turn them into one "auto" batch.
import { finishClaim, postponeDue, rescheduleClaim, type ClaimedProduct } from "./claim.server";
import { remainingToday } from "./daily-cap.server";
import { nextUtcMidnight } from "./day";
import { isPermanent } from "./adapters";
import { knownMediaIds } from "./known-media.server";
import type { AutoDeps } from "./ports";
import type { RetryCounter } from "./retries";
import type { ShopAutoPolicy } from "./shop-policy.server";
import { rememberSeen, type SeenVersion } from "../shopify/seen-media.server";

export interface TickCounts {
  /** Products looked at (claimed) in the tick. */
  products: number;
  /** Image jobs created. */
  jobs: number;
  /** Products put back to be looked at again soon (media still processing, or a failed lookup). */
  deferred: number;
  /** Products put back until tomorrow (UTC) because the shop's daily cap is reached (claimed ones, plus
   *  the shop's whole due backlog, postponed in one statement once the cap is hit). */
  capped: number;
}

export const zeroCounts = (): TickCounts => ({ products: 0, jobs: 0, deferred: 0, capped: 0 });

interface Looked {
  claim: ClaimedProduct;
  mediaIds: string[];
  processing: number;
  /** READY images with their versions, remembered once the look is settled. */
  seen: SeenVersion[];
  /** The lookup failed: transient (look again later) or permanent (e.g. the product was deleted: drop). */
  failed: "no" | "transient" | "permanent";
}

export async function processShop(
  claims: ClaimedProduct[],
  policy: ShopAutoPolicy,
  deps: AutoDeps,
  retries: RetryCounter,
  now: Date,
): Promise<TickCounts> {
  const counts = { ...zeroCounts(), products: claims.length };
  const done = async (c: ClaimedProduct) => {
    retries.clear(c.shop, c.productId);
    await finishClaim(c);
  };
  const lookAgain = async (c: ClaimedProduct) => {
    const delay = retries.next(c.shop, c.productId);
    if (delay === null) {
      console.warn(
        `autoprocess: ${c.shop} ${c.productId}: media still not ready after all retries; left for a later edit`,
      );
      await finishClaim(c);
      return;
    }
    counts.deferred++;
    await rescheduleClaim(c, new Date(now.getTime() + delay));
  };
  const tomorrow = async (c: ClaimedProduct) => {
    counts.capped++;
    await rescheduleClaim(c, nextUtcMidnight(now));
  };

  if (!policy.installed || policy.policy === "off") {
    for (const c of claims) await done(c);
    return counts;
  }
  let remaining = await remainingToday(policy.shop, policy.dailyCap, now);
  if (remaining === 0) {
    // Cap reached: no lookups; this shop's whole due backlog waits for tomorrow in one statement.
    for (const c of claims) await tomorrow(c);
    counts.capped += await postponeDue(policy.shop, now, nextUtcMidnight(now));
    return counts;
  }

  // Sequential per shop: one Admin API lookup at a time for a shop.
  const looked: Looked[] = [];
  for (const claim of claims) {
    try {
      const r = await deps.findCandidates(claim.shop, claim.productId, claim.armed);
      looked.push({
        claim,
        mediaIds: [...new Set(r.mediaIds)],
        processing: r.processing,
        seen: r.seen ?? [],
        failed: "no",
      });
    } catch (err) {
      const failed = isPermanent(err) ? "permanent" : "transient";
      console.warn(
        `autoprocess: ${claim.shop} ${claim.productId}: media lookup failed (${failed}): ${err instanceof Error ? err.message : String(err)}`,
      );
      looked.push({ claim, mediaIds: [], processing: 0, seen: [], failed });
    }
  }
  const known = await knownMediaIds(
    policy.shop,
    looked.flatMap((l) => l.mediaIds),
  );

  // The daily cap, image by image, in due order: what does not fit waits for tomorrow.
  const take: Array<{ l: Looked; ids: string[]; leftOver: number; waiting: Set<string> }> = [];
  for (const l of looked) {
    const fresh = l.mediaIds.filter((id) => !known.has(id));
    const ids = fresh.slice(0, remaining);
    remaining -= ids.length;
    take.push({ l, ids, leftOver: fresh.length - ids.length, waiting: new Set(fresh.slice(ids.length)) });
  }
  const mediaIds = take.flatMap((t) => t.ids);
  if (mediaIds.length > 0) {
    const productIds = take.filter((t) => t.ids.length > 0).map((t) => t.l.claim.productId);
    try {
      const r = await deps.createAutoBatch(policy.shop, {
        productIds,
        mediaIds,
        autoPublish: policy.policy === "publish",
      });
      counts.jobs += r.jobs;
    } catch (err) {
      console.error(
        `autoprocess: ${policy.shop}: could not create the auto batch: ${err instanceof Error ? err.message : String(err)}`,
      );
      for (const t of take) await lookAgain(t.l.claim);
      return counts;
    }
  }
  // Loupe has now seen these photos at these versions: the next products/update that adds none makes
  // no job. What waits for tomorrow's cap stays unseen, so it is taken then.
  for (const { l, waiting } of take) {
    await rememberSeen(
      policy.shop,
      l.claim.productId,
      l.seen.filter((s) => !waiting.has(s.mediaId)),
      now,
    );
  }
  for (const { l, leftOver } of take) {
    if (leftOver > 0) await tomorrow(l.claim);
    else if (l.failed === "transient" || l.processing > 0) await lookAgain(l.claim);
    else await done(l.claim);
  }
  return counts;
}
