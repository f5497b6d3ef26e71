// Manual edits through the real services, database, storage and local queue (engine and Shopify
// faked): an edit list is validated against the photo, rendered by a worker as a new version (the
// earlier one kept), survives a worker restart and a re-run, is removed by DELETE, and a colour pass
// is applied to the rest of the batch; publishing writes the edited version.
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RetouchOutput } from "../../../workers/retouch/report";
import { createProducer } from "../../../core/queue/producer.server";
import { setProducer } from "../../../core/batches/enqueue.server";
import { startWorker, type RunningWorker } from "../../../workers/main";
import * as svc from "../../../core/batches/service.server";
import { InvalidRequestError } from "../../../core/batches/errors";
import { makeEnv, waitFor, type TestEnv } from "./helpers/env";
import { FakeEngine, FakeShopify, productGid } from "./helpers/fakes";

const A = "alpha-jewels.myshopify.com";

/** The fake engine, also recording the edit list each render was asked for. */
class EditsEngine extends FakeEngine {
  readonly edits: unknown[] = [];
  override async retouch(input: Uint8Array, settings?: { disabledSpots?: number[]; edits?: unknown }): Promise<RetouchOutput> {
    this.edits.push(settings?.edits ?? null);
    const out = await super.retouch(input, settings);
    // A different cutout per edit list, as the real engine makes.
    if (!settings?.edits) return out;
    const tag = Buffer.from(JSON.stringify(settings.edits));
    const composite = await sharp({ create: { width: 100, height: 100, channels: 3, background: { r: tag.length % 256, g: 90, b: 40 } } }).jpeg().toBuffer();
    return { ...out, cutoutPng: Buffer.concat([out.cutoutPng, tag]), composite };
  }
}

let env: TestEnv;
let shopify: FakeShopify;
let engine: EditsEngine;
let worker: RunningWorker | null = null;
const start = async () => (worker = await startWorker({ driver: "local", db: env.db, deps: { shopify, engine }, concurrency: 1, pollMs: 50 }));

beforeEach(async () => {
  env = await makeEnv();
  shopify = new FakeShopify();
  engine = new EditsEngine();
  setProducer(createProducer("local", ""));
  await start();
});
afterEach(async () => {
  await worker?.close();
  setProducer(null);
  await env.cleanup();
});

const STROKES = { mask: [{ op: "erase", radius: 6, points: [[10, 50], [90, 50]] }], color: { exposure: 1, temperature: -10, tint: 2 } };
const parsed = { mask: [{ op: "erase", radius: 6, hardness: 0.8, points: [[10, 50], [90, 50]] }], color: { exposure: 1, temperature: -10, tint: 2 } };

async function inReview(id: string, version: number) {
  return waitFor(`image at version ${version}`, async () => {
    const j = await env.db.imageJob.findUnique({ where: { id } });
    return j?.state === "review" && j.version === version ? j : null;
  });
}

describe("manual edits", () => {
  it("renders a new version in a worker, keeps the earlier one, survives a restart and a re-run, and DELETE goes back", async () => {
    shopify.addProduct(A, 1, 2, "Gold Ring");
    const created = await svc.createBatch(A, { productIds: [productGid(1)] });
    await waitFor("batch done", async () => ((await svc.getBatch(A, created.id))?.status === "done" ? true : null));
    const [img, other] = (await svc.getBatch(A, created.id))!.images;
    const v1 = await env.db.imageJob.findUniqueOrThrow({ where: { id: img!.id } });
    expect(v1.version).toBe(1);

    await expect(svc.saveEdits(A, img!.id, { mask: [{ op: "erase", radius: 6, points: [[101, 5]] }] })).rejects.toThrow(InvalidRequestError);
    await expect(svc.saveEdits(A, img!.id, { mask: [{ op: "erase", radius: 6, points: [[101, 5]] }] })).rejects.toThrow(/outside the photo \(100 × 100/);

    // Saved while no worker runs (a crash, a deploy): the edit list is in the database and storage only.
    await worker!.close();
    worker = null;
    const queued = await svc.saveEdits(A, img!.id, STROKES);
    expect(queued.state).toBe("queued");
    const calls = engine.edits.length;
    await start();
    const v2 = await inReview(img!.id, 2);
    expect(engine.edits.slice(calls)).toEqual([parsed]);
    expect(JSON.parse(v2.edits!)).toEqual(parsed);
    expect(v2.resultId).toBeTruthy();
    expect(v2.resultId).not.toBe(v1.resultId);
    const versions = await svc.listVersions(A, img!.id);
    expect(versions.map((v) => [v.version, v.current, v.resultId])).toEqual([
      [2, true, v2.resultId],
      [1, false, v1.resultId],
    ]);

    // A re-run (other spots) keeps the edits.
    await svc.rerunImage(A, img!.id, { disabledSpots: [1] });
    await inReview(img!.id, 3);
    expect(engine.edits[engine.edits.length - 1]).toEqual(parsed);

    // The colour pass onto the rest of the batch: each keeps its own (empty) strokes.
    const applied = await svc.applyColorToBatch(A, created.id, img!.id);
    expect(applied.applied.map((i) => i.id)).toEqual([other!.id]);
    const o2 = await inReview(other!.id, 2);
    expect(JSON.parse(o2.edits!)).toEqual({ mask: [], color: parsed.color });

    // DELETE: back to the automatic result, as a new version.
    await svc.clearEdits(A, img!.id);
    const v4 = await inReview(img!.id, 4);
    expect(v4.edits).toBeNull();
    const last = await env.db.imageVersion.findUniqueOrThrow({ where: { imageId_version: { imageId: img!.id, version: 4 } } });
    expect(last.edits).toBeNull();
  });

  it("publishing writes the edited version", async () => {
    shopify.addProduct(A, 2, 1, "Silver Ring");
    const created = await svc.createBatch(A, { productIds: [productGid(2)] });
    await waitFor("batch done", async () => ((await svc.getBatch(A, created.id))?.status === "done" ? true : null));
    const [img] = (await svc.getBatch(A, created.id))!.images;
    const v1 = await env.db.imageJob.findUniqueOrThrow({ where: { id: img!.id } });
    const automatic = await env.db.retouchResult.findUniqueOrThrow({ where: { id: v1.resultId! } });
    await svc.saveEdits(A, img!.id, STROKES);
    const v2 = await inReview(img!.id, 2);
    const edited = await env.db.retouchResult.findUniqueOrThrow({ where: { id: v2.resultId! } });
    await svc.publishImage(A, img!.id);
    await waitFor("published", async () => ((await env.db.imageJob.findUnique({ where: { id: img!.id } }))?.state === "published" ? true : null));
    expect(edited.compositeSha).not.toBe(automatic.compositeSha);
    expect(shopify.publishes.at(-1)?.sha256).toBe(edited.compositeSha);
  });
});
