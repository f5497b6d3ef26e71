// The MediaLedger: every write Loupe makes to a product image. The intent is recorded BEFORE the
// write, so after a crash Loupe knows a write may have happened and checks Shopify before writing
// again; the rows also let the webhook loop guard recognise Loupe's own bytes.
import type { MediaLedger } from "@prisma/client";
import { db } from "../db.server";

export type LedgerKind = "publish" | "revert";
export type LedgerState = "intent" | "uploaded" | "written" | "ready" | "failed";

export function findEntry(jobId: string, kind: LedgerKind, sha256: string): Promise<MediaLedger | null> {
  return db().mediaLedger.findUnique({ where: { jobId_kind_sha256: { jobId, kind, sha256 } } });
}

/** Records the intent; returns null when another writer recorded it first (unique constraint). */
export async function recordIntent(e: {
  shop: string;
  productId: string;
  mediaId: string;
  jobId: string;
  kind: LedgerKind;
  sha256: string;
  previousSha: string | null;
  urlBefore?: string | null;
  updatedAtBefore?: string | null;
}): Promise<MediaLedger | null> {
  try {
    return await db().mediaLedger.create({ data: { ...e, state: "intent" } });
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return null;
    throw err;
  }
}

export function markEntry(
  id: string,
  state: LedgerState,
  extra: { urlAfterWrite?: string | null; error?: string | null; mediaId?: string; variantIds?: string } = {},
): Promise<MediaLedger> {
  return db().mediaLedger.update({
    where: { id },
    data: { state, ...extra, ...(state === "ready" || state === "written" ? { writtenAt: new Date() } : {}) },
  });
}
