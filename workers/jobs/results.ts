// The engine's outputs for (shop, media, source sha256, context hash): stored once, reused after. The
// context hash (result-context.ts) carries the settings hash, the engine version, the reference image
// and the product context, so a result is reused only when nothing that changes it has changed.
import { createHash } from "node:crypto";
import type { RetouchResult } from "@prisma/client";
import { blobKey } from "../../core/storage/storage";
import type { JobContext } from "./context";
import type { RetouchOutput } from "./deps";

export interface ResultKey {
  shop: string;
  mediaId: string;
  sourceSha256: string;
  settingsHash: string;
  contextHash: string;
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export async function findResult(ctx: JobContext, key: ResultKey): Promise<RetouchResult | null> {
  return ctx.db.retouchResult.findUnique({
    where: {
      shop_mediaId_sourceSha256_contextHash: {
        shop: key.shop,
        mediaId: key.mediaId,
        sourceSha256: key.sourceSha256,
        contextHash: key.contextHash,
      },
    },
  });
}

/** The stored report, or null when it is missing or unreadable (the caller holds the image for review). */
export async function loadReport(ctx: JobContext, result: RetouchResult): Promise<unknown> {
  const bytes = await ctx.storage.get(result.reportKey);
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

/** The report's findings: an empty list only when the report says so. */
export function warningsOf(report: unknown): unknown[] {
  const w = report && typeof report === "object" ? (report as { warnings?: unknown }).warnings : null;
  return Array.isArray(w) ? w : [];
}

export async function storeResult(ctx: JobContext, key: ResultKey, out: RetouchOutput): Promise<RetouchResult> {
  const { shop } = key;
  const compositeSha = sha(out.composite);
  const reportJson = Buffer.from(JSON.stringify(out.report));
  const keys = {
    compositeKey: blobKey(shop, "composite", compositeSha, out.compositeMime),
    cutoutKey: blobKey(shop, "cutout", sha(out.cutoutPng), "image/png"),
    thumbKey: blobKey(shop, "thumb", sha(out.thumbnail), "image/jpeg"),
    reportKey: blobKey(shop, "report", sha(reportJson), "application/json"),
  };
  await Promise.all([
    ctx.storage.put(keys.compositeKey, out.composite, out.compositeMime),
    ctx.storage.put(keys.cutoutKey, out.cutoutPng, "image/png"),
    ctx.storage.put(keys.thumbKey, out.thumbnail, "image/jpeg"),
    ctx.storage.put(keys.reportKey, reportJson, "application/json"),
  ]);
  try {
    return await ctx.db.retouchResult.create({
      data: { ...key, ...keys, compositeSha, mimeType: out.compositeMime, width: out.width, height: out.height },
    });
  } catch (err) {
    // Another worker stored the same result first (same key, same bytes): use theirs.
    const existing = await findResult(ctx, key);
    if (existing) return existing;
    throw err;
  }
}
