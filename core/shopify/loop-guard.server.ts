// Recognises Loupe's own writes: a media is "ours" when the ledger holds a completed write for it
// whose URL after the write is the media's current URL and version (?v=), or when a write is still in
// flight. Shopify's timestamps are never compared with Loupe's clock here: the URL version decides.
import type { MediaLedger } from "@prisma/client";
import { db } from "../db.server";

export function writtenByLoupe(
  entries: MediaLedger[],
  media: { url: string | null; updatedAt?: string | null },
): boolean {
  for (const e of entries) {
    if (e.state === "failed") continue;
    if (e.state !== "ready") return true; // intent/uploaded/written: our write is in flight
    if (e.urlAfterWrite && media.url && sameImageUrl(e.urlAfterWrite, media.url)) return true;
  }
  return false;
}

/** Same file and same version (?v=) — other query parameters (sizes, transforms) do not matter. */
export function sameImageUrl(a: string, b: string): boolean {
  try {
    const ua = new URL(a);
    const ub = new URL(b);
    return (
      ua.hostname === ub.hostname &&
      ua.pathname === ub.pathname &&
      ua.searchParams.get("v") === ub.searchParams.get("v")
    );
  } catch {
    return a === b;
  }
}

export async function ledgerByMedia(shop: string, mediaIds: string[]): Promise<Map<string, MediaLedger[]>> {
  const rows = mediaIds.length
    ? await db().mediaLedger.findMany({ where: { shop, mediaId: { in: mediaIds } }, orderBy: { createdAt: "desc" } })
    : [];
  const out = new Map<string, MediaLedger[]>();
  for (const r of rows) out.set(r.mediaId, [...(out.get(r.mediaId) ?? []), r]);
  return out;
}
