// The per-shop daily cap: how many auto jobs (one job = one image) a shop may still get today (UTC).
import { prisma } from "../db.server";
import { startOfUtcDay } from "./day";

export async function autoJobsToday(shop: string, now: Date): Promise<number> {
  return prisma.imageJob.count({ where: { shop, createdAt: { gte: startOfUtcDay(now) }, batch: { source: "auto" } } });
}

export async function remainingToday(shop: string, dailyCap: number, now: Date): Promise<number> {
  return Math.max(0, dailyCap - (await autoJobsToday(shop, now)));
}
