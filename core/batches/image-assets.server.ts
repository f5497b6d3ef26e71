// What a client needs to show and edit an image's current version: its version, edit list, and
// signed URLs of the original, the RGBA cutout at the original's geometry and the composite.
import type { ImageJob } from "@prisma/client";
import { getStorage } from "../storage";
import { db } from "../db.server";
import { readStoredEdits } from "./stored-edits";
import type { EditList } from "../../workers/retouch/contract";

export interface ImageAssets {
  version: number;
  edits: EditList | null;
  originalUrl: string | null;
  cutoutUrl: string | null;
  resultUrl: string | null;
  width: number | null;
  height: number | null;
}

export async function imageAssets(shop: string, jobs: ImageJob[]): Promise<Map<string, ImageAssets>> {
  const ids = jobs.map((j) => j.resultId).filter((id): id is string => !!id);
  const results = ids.length ? await db().retouchResult.findMany({ where: { shop, id: { in: ids } } }) : [];
  const byId = new Map(results.map((r) => [r.id, r]));
  const storage = getStorage();
  const sign = (key?: string | null) => (key ? storage.signedUrl(key) : Promise.resolve(null));
  const out = new Map<string, ImageAssets>();
  await Promise.all(
    jobs.map(async (j) => {
      const r = j.resultId ? byId.get(j.resultId) : undefined;
      const [originalUrl, cutoutUrl, resultUrl] = await Promise.all([
        sign(j.sourceKey),
        sign(r?.cutoutKey),
        sign(r?.compositeKey),
      ]);
      out.set(j.id, {
        version: j.version,
        edits: safeEdits(j.edits),
        originalUrl,
        cutoutUrl,
        resultUrl,
        width: r?.width ?? null,
        height: r?.height ?? null,
      });
    }),
  );
  return out;
}

function safeEdits(raw: string | null): EditList | null {
  try {
    return readStoredEdits(raw);
  } catch {
    return null;
  }
}

export async function batchImageAssets(shop: string, batchId: string): Promise<Map<string, ImageAssets>> {
  return imageAssets(shop, await db().imageJob.findMany({ where: { shop, batchId } }));
}
