// The merchant's manual edits of one image (brush strokes, colour pass), the colour pass applied to
// a whole batch or collection, and the versions an image went through. Every change re-renders in a worker
// (rerunImage: the image goes back through processing to review with a new version).
import { EditsInputError, parseEdits, type EditList } from "../../workers/retouch/contract";
import { getStorage } from "../storage";
import { db } from "../db.server";
import { InvalidRequestError } from "./errors";
import { rerunImage } from "./image-actions.server";
import { findImage, requireBatch } from "./move.server";
import { readStoredEdits } from "./stored-edits";
import { loadRunSettings } from "./shop-settings.server";
import type { ImageView } from "./views";

/** States an edit may start from (those rerunImage accepts). */
const EDITABLE = new Set(["review", "approved", "failed", "rejected", "reverted"]);

async function geometryOf(shop: string, resultId: string | null): Promise<{ width: number; height: number }> {
  const result = resultId ? await db().retouchResult.findFirst({ where: { id: resultId, shop } }) : null;
  if (!result)
    throw new InvalidRequestError("This image has no retouched result yet: wait until it is in review, then edit it.");
  return { width: result.width, height: result.height };
}

/** Replaces the image's edit list with `raw` (the whole list) and re-renders it. */
export async function saveEdits(shop: string, imageId: string, raw: unknown): Promise<ImageView> {
  const job = await findImage(shop, imageId);
  let edits: EditList;
  try {
    edits = parseEdits(raw, await geometryOf(shop, job.resultId));
  } catch (e) {
    if (e instanceof EditsInputError) throw new InvalidRequestError(e.message);
    throw e;
  }
  return rerunImage(shop, imageId, { edits });
}

/** Back to the automatic result (a new version, made from the automatic settings). */
export async function clearEdits(shop: string, imageId: string): Promise<ImageView> {
  return rerunImage(shop, imageId, { edits: null });
}

export interface ApplyColorResult {
  applied: ImageView[];
  skipped: Array<{ id: string; state: string; reason: string }>;
}

export type ApplyColorScope = "batch" | "collection";

/**
 * One photo's colour pass onto every other photo of its batch, or (scope "collection") of every
 * batch of this shop started from the same collection as its batch. Each keeps its own strokes.
 */
export async function applyColor(
  shop: string,
  batchId: string,
  fromImageId: string,
  scope: ApplyColorScope = "batch",
): Promise<ApplyColorResult> {
  const batch = await requireBatch(shop, batchId);
  const from = await findImage(shop, fromImageId);
  if (from.batchId !== batchId) throw new InvalidRequestError("That photo is not in this batch.");
  const color = readStoredEdits(from.edits)?.color ?? null;
  if (!color) throw new InvalidRequestError("That photo has no saved colour pass to apply: save one on it first.");
  let batchIds = [batchId];
  if (scope === "collection") {
    if (!batch.collectionId)
      throw new InvalidRequestError(
        "This batch was not started from a collection: apply the colour to the batch instead.",
      );
    const same = await db().batch.findMany({ where: { shop, collectionId: batch.collectionId }, select: { id: true } });
    batchIds = same.map((b) => b.id);
  }
  const jobs = await db().imageJob.findMany({
    where: { shop, batchId: { in: batchIds }, id: { not: fromImageId } },
    orderBy: [{ createdAt: "asc" }, { position: "asc" }],
  });
  const out: ApplyColorResult = { applied: [], skipped: [] };
  for (const job of jobs) {
    if (!EDITABLE.has(job.state) || !job.resultId) {
      out.skipped.push({
        id: job.id,
        state: job.state,
        reason: job.state === "published" ? "It is published: revert it first." : "It is not finished yet.",
      });
      continue;
    }
    const own = readStoredEdits(job.edits);
    out.applied.push(await rerunImage(shop, job.id, { edits: { mask: own?.mask ?? [], color } }));
  }
  return out;
}

/** One photo's colour pass onto every other photo of its batch (each keeps its own strokes). */
export async function applyColorToBatch(shop: string, batchId: string, fromImageId: string): Promise<ApplyColorResult> {
  return applyColor(shop, batchId, fromImageId, "batch");
}

export interface VersionView {
  version: number;
  current: boolean;
  edits: EditList | null;
  resultId: string | null;
  createdAt: Date;
}

export async function listVersions(shop: string, imageId: string): Promise<VersionView[]> {
  const job = await findImage(shop, imageId);
  const rows = await db().imageVersion.findMany({ where: { shop, imageId }, orderBy: { version: "desc" } });
  return rows.map((r) => ({
    version: r.version,
    current: r.version === job.version,
    edits: readStoredEdits(r.edits),
    resultId: r.resultId,
    createdAt: r.createdAt,
  }));
}

/**
 * The image's versions with signed URLs of their cutout and composite, and the cutout the colour
 * preview starts from: the newest version made without a colour pass (the browser applies the
 * pass to it exactly as the worker does after the automatic gains).
 */
export async function editorState(shop: string, imageId: string) {
  const job = await findImage(shop, imageId);
  const versions = await listVersions(shop, imageId);
  const ids = versions.map((v) => v.resultId).filter((id): id is string => !!id);
  if (job.resultId) ids.push(job.resultId);
  const results = new Map(
    (await db().retouchResult.findMany({ where: { shop, id: { in: ids } } })).map((r) => [r.id, r]),
  );
  const storage = getStorage();
  const sign = (key?: string) => (key ? storage.signedUrl(key) : Promise.resolve(null));
  const listed = await Promise.all(
    versions.map(async (v) => {
      const r = v.resultId ? results.get(v.resultId) : undefined;
      return { ...v, cutoutUrl: await sign(r?.cutoutKey), resultUrl: await sign(r?.compositeKey) };
    }),
  );
  const current = readStoredEdits(job.edits);
  const plain = versions.find((v) => v.resultId && !v.edits?.color);
  const baseResult = plain?.resultId
    ? results.get(plain.resultId)
    : !current?.color && job.resultId
      ? results.get(job.resultId)
      : undefined;
  // The collection's approved reference, for "Match reference" (the photos' background for its backdrop check).
  const batch = await db().batch.findFirst({ where: { id: job.batchId, shop }, select: { collectionId: true } });
  const ref = batch?.collectionId
    ? await db().collectionReference.findFirst({ where: { shop, collectionId: batch.collectionId } })
    : null;
  const background = (await loadRunSettings(shop, job.settingsHash))?.settings.background ?? null;
  return {
    version: job.version,
    state: job.state,
    edits: current,
    versions: listed,
    baseCutoutUrl: await sign(baseResult?.cutoutKey),
    reference: ref ? { url: await sign(ref.blobKey), background } : null,
    /** Whether the batch was started from a collection (the colour pass can then go to the collection). */
    inCollection: !!batch?.collectionId,
  };
}
