// What Loupe has seen of a product's photos: each image media's identity and version (its CDN path
// with ?v=, which Shopify changes when the file's content changes, else Shopify's updatedAt). Auto-
// processing takes only media that are not here or whose version changed (auto-candidates.server.ts);
// every look, every pull and every write of Loupe's own records what it saw.
import type { PrismaClient, SeenMedia } from "@prisma/client";
import { db } from "../db.server";

export interface SeenVersion {
  mediaId: string;
  version: string;
  mediaUpdatedAt: string | null;
}

/** The version of a READY image: host + path + ?v= of its URL (other query parameters are sizes and
 *  transforms), or the path and Shopify's updatedAt when the URL carries no version. Null without a URL. */
export function versionOf(img: { url: string | null; updatedAt?: string | null }): string | null {
  if (!img.url) return null;
  try {
    const u = new URL(img.url);
    const v = u.searchParams.get("v");
    return v !== null ? `${u.hostname}${u.pathname}?v=${v}` : `${u.hostname}${u.pathname}@${img.updatedAt ?? ""}`;
  } catch {
    return `${img.url}@${img.updatedAt ?? ""}`;
  }
}

export function seenVersion(img: {
  mediaId: string;
  url: string | null;
  updatedAt?: string | null;
}): SeenVersion | null {
  const version = versionOf(img);
  return version === null ? null : { mediaId: img.mediaId, version, mediaUpdatedAt: img.updatedAt ?? null };
}

/** The media Loupe saw on a product, by media id. */
export async function seenOnProduct(shop: string, productId: string): Promise<Map<string, SeenMedia>> {
  const rows = await db().seenMedia.findMany({ where: { shop, productId } });
  return new Map(rows.map((r) => [r.mediaId, r]));
}

/** The media Loupe saw, by media id, whatever their product (a write can move a media's product). */
export async function seenByMedia(shop: string, mediaIds: string[]): Promise<Map<string, SeenMedia>> {
  if (mediaIds.length === 0) return new Map();
  const rows = await db().seenMedia.findMany({ where: { shop, mediaId: { in: mediaIds } } });
  return new Map(rows.map((r) => [r.mediaId, r]));
}

/** Records what Loupe saw now (one row per media; a newer look replaces the version). */
export async function rememberSeen(
  shop: string,
  productId: string,
  seen: SeenVersion[],
  now = new Date(),
  client?: PrismaClient,
): Promise<void> {
  if (seen.length === 0) return;
  const prisma = client ?? db();
  for (const s of seen) {
    const data = { productId, version: s.version, mediaUpdatedAt: s.mediaUpdatedAt, seenAt: now };
    await prisma.seenMedia.upsert({
      where: { shop_mediaId: { shop, mediaId: s.mediaId } },
      create: { shop, mediaId: s.mediaId, ...data },
      update: data,
    });
  }
}

/** When auto-processing last looked at any of the shop's products (null: never). */
export async function lastLookAt(shop: string): Promise<Date | null> {
  const row = await db().seenMedia.findFirst({
    where: { shop },
    orderBy: { seenAt: "desc" },
    select: { seenAt: true },
  });
  return row?.seenAt ?? null;
}

/** Whether a stored version (or a URL) and a media's current URL are the same version. */
export function sameVersion(stored: string, url: string | null, updatedAt?: string | null): boolean {
  const current = versionOf({ url, updatedAt });
  if (current === null) return false;
  const normalized = stored.includes("://") ? versionOf({ url: stored, updatedAt }) : stored;
  return normalized === current;
}

/** Loupe's own write is a version Loupe has seen: its products/update is not a new upload. */
export async function rememberOwnWrite(w: {
  shop: string;
  productId: string;
  mediaId: string;
  url: string | null;
}): Promise<void> {
  const seen = seenVersion({ mediaId: w.mediaId, url: w.url });
  if (seen) await rememberSeen(w.shop, w.productId, [seen]);
}
