// What auto-processing is doing for one shop, computed from the database on read (nothing to keep
// in sync): the policy, today's use of the daily cap, and what waits — for the app's pages.
import { autoJobsToday } from "./daily-cap.server";
import { nextUtcMidnight } from "./day";
import { db } from "../db.server";
import { loadShopPolicies } from "./shop-policy.server";
import type { AutoPolicy } from "../settings/settings";

export interface AutoStatus {
  policy: AutoPolicy;
  dailyCap: number;
  usedToday: number;
  /** Products waiting for their debounce, a retry, or a free slot. */
  pending: number;
  /** Of those, products held back until tomorrow by the daily cap. */
  waitingForTomorrow: number;
  capReached: boolean;
  message: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function describeAutoStatus(s: Omit<AutoStatus, "message">): string {
  if (s.policy === "off") return "Auto-processing is off: new uploads are not retouched.";
  const mode = s.policy === "publish" ? "published automatically when no guard warns" : "held for your review";
  if (s.capReached) {
    return `Daily limit reached: ${s.usedToday.toLocaleString("en-US")} of ${plural(s.dailyCap, "image")} retouched automatically today. ${plural(s.waitingForTomorrow, "product")} wait until tomorrow (00:00 UTC).`;
  }
  const waiting = s.pending > 0 ? ` ${plural(s.pending, "product")} waiting.` : "";
  return `New uploads are retouched and ${mode}. ${s.usedToday.toLocaleString("en-US")} of ${plural(s.dailyCap, "image")} used today.${waiting}`;
}

export async function getAutoProcessingStatus(shop: string, now = new Date()): Promise<AutoStatus> {
  const prisma = db();
  const policy = (await loadShopPolicies([shop])).get(shop)!;
  const [usedToday, pending, waitingForTomorrow] = await Promise.all([
    autoJobsToday(shop, now),
    prisma.pendingProduct.count({ where: { shop } }),
    prisma.pendingProduct.count({ where: { shop, dueAt: { gte: nextUtcMidnight(now) } } }),
  ]);
  const base = {
    policy: policy.policy,
    dailyCap: policy.dailyCap,
    usedToday,
    pending,
    waitingForTomorrow,
    capReached: usedToday >= policy.dailyCap,
  };
  return { ...base, message: describeAutoStatus(base) };
}
