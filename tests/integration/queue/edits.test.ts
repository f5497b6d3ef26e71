// Manual edits through the real services, database, storage and local queue (engine and Shopify
// faked): an edit list is validated against the photo, rendered by a worker as a new version (the
// earlier one kept), survives a worker restart and a re-run, is removed by DELETE, and a colour pass
// is applied to the rest of the batch or of the collection; publishing writes the edited version.
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RetouchOutput } from "../../../workers/retouch/report";
import type { RetouchSettings } from "../../../workers/retouch/settings";
import { createProducer } from "../../../core/queue/producer.server";
import { setProducer } from "../../../core/batches/enqueue.server";
import { startWorker, type RunningWorker } from "../../../workers/main";
import * as svc from "../../../core/batches/service.server";
import { InvalidRequestError, NotFoundError } from "../../../core/batches/errors";
import { makeEnv, waitFor, type TestEnv } from "./helpers/env";
import { FakeEngine, FakeShopify, productGid } from "./helpers/fakes";

const A = "alpha-jewels.myshopify.com";

/** The fake engine, also recording the edit list each render was asked for. */
class EditsEngine extends FakeEngine {
  readonly edits: unknown[] = [];
  override async retouch(input: Uint8Array, settings?: Partial<RetouchSettings>): Promise<RetouchOutput> {
    this.edits.push(settings?.edits ?? null);
    const out = await super.retouch(input, settings);
    // A different cutout per edit list, as the real engine makes.
    if (!settings?.edits) return out;
    const tag = Buffer.from(JSON.stringify(settings.edits));
    const composite = await sharp({
      create: { width: 100, height: 100, channels: 3, background: { r: tag.length % 256, g: 90, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    return { ...out, cutoutPng: Buffer.concat([out.cutoutPng, tag]), composite };
  }
}

let env: TestEnv;
let shopify: FakeShopify;
let engine: EditsEngine;
let worker: RunningWorker | null = null;
const start = async () =>
  (worker = await startWorker({ driver: "local", db: env.db, deps: { shopify, engine }, concurrency: 1, pollMs: 50 }));

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

const STROKES = {
  mask: [
    {
      op: "erase",
      radius: 6,
      points: [
        [10, 50],
        [90, 50],
      ],
    },
  ],
  color: { exposure: 1, temperature: -10, tint: 2 },
};
const parsed = {
  mask: [
    {
      op: "erase",
      radius: 6,
      hardness: 0.8,
      points: [
        [10, 50],
        [90, 50],
      ],
    },
  ],
  color: { exposure: 1, temperature: -10, tint: 2 },
};

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

    await expect(svc.saveEdits(A, img!.id, { mask: [{ op: "erase", radius: 6, points: [[101, 5]] }] })).rejects.toThrow(
      InvalidRequestError,
    );
    await expect(svc.saveEdits(A, img!.id, { mask: [{ op: "erase", radius: 6, points: [[101, 5]] }] })).rejects.toThrow(
      /outside the photo \(100 × 100/,
    );

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
    const last = await env.db.imageVersion.findUniqueOrThrow({
      where: { imageId_version: { imageId: img!.id, version: 4 } },
    });
    expect(last.edits).toBeNull();
  });

  it("applies a colour pass to every batch of the same collection, of this shop only; 400 for a batch without a collection", async () => {
    const B = "beta-gems.myshopify.com";
    const RINGS = "gid://shopify/Collection/11";
    const CHAINS = "gid://shopify/Collection/12";
    shopify.addProduct(A, 1, 2, "Gold Ring");
    shopify.addProduct(A, 3, 1, "Silver Chain");
    shopify.addProduct(B, 1, 1, "Their Ring");
    shopify.collections.set(RINGS, [productGid(1)]);
    shopify.collections.set(CHAINS, [productGid(3)]);
    const done = async (shop: string, req: { collectionId: string } | { productIds: string[] }) => {
      const { id } = await svc.createBatch(shop, req);
      return waitFor("batch done", async () => {
        const b = await svc.getBatch(shop, id);
        return b?.status === "done" ? b : null;
      });
    };
    const b1 = await done(A, { collectionId: RINGS });
    const b2 = await done(A, { collectionId: RINGS });
    const b3 = await done(A, { collectionId: CHAINS });
    const theirs = await done(B, { collectionId: RINGS }); // another shop, same collection id
    const loose = await done(A, { productIds: [productGid(3)] });
    expect([b1, b2, b3, theirs, loose].map((b) => b.images.length)).toEqual([2, 2, 1, 1, 1]);

    const [source, sibling] = b1.images;
    await svc.saveEdits(A, source!.id, { color: STROKES.color });
    await inReview(source!.id, 2);
    const renders = engine.edits.length;

    const v1Results = new Map((await env.db.imageJob.findMany({ where: { shop: A } })).map((j) => [j.id, j.resultId]));
    const out = await svc.applyColor(A, b1.id, source!.id, "collection");
    const expected = [sibling!.id, ...b2.images.map((i) => i.id)];
    expect(out.applied.map((i) => i.id).sort()).toEqual([...expected].sort());
    expect(out.skipped).toEqual([]);
    const sourceV2 = await env.db.imageJob.findUniqueOrThrow({ where: { id: source!.id } });
    const now = new Map<string, { mediaId: string; resultId: string | null }>();
    for (const id of expected) {
      const j = await inReview(id, 2); // re-queued, re-rendered and re-checked: a new version in review
      expect(JSON.parse(j.edits!)).toEqual({ mask: [], color: parsed.color });
      expect(j.resultId).not.toBe(v1Results.get(id));
      now.set(id, j);
    }
    // Batch 2 holds the same two photos as batch 1: the copy of the source photo reuses the source's
    // coloured result, and the other photo is rendered once with the pass and shared by both batches.
    const [copy, otherCopy] = b2.images.map((i) => now.get(i.id)!);
    expect(copy!.mediaId).toBe(sourceV2.mediaId);
    expect(copy!.resultId).toBe(sourceV2.resultId);
    expect(otherCopy!.resultId).toBe(now.get(sibling!.id)!.resultId);
    expect(engine.edits.slice(renders)).toEqual([{ mask: [], color: parsed.color }]);
    for (const id of [...b3.images, ...loose.images].map((i) => i.id)) {
      expect(await env.db.imageJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
        version: 1,
        edits: null,
        state: "review",
      });
    }
    expect(await env.db.imageJob.findUniqueOrThrow({ where: { id: theirs.images[0]!.id } })).toMatchObject({
      shop: B,
      version: 1,
      edits: null,
    });
    expect((await svc.editorState(A, source!.id)).inCollection).toBe(true);

    // A batch started from products has no collection: refused in plain words, nothing re-rendered.
    const [lone] = loose.images;
    await svc.saveEdits(A, lone!.id, { color: STROKES.color });
    await inReview(lone!.id, 2);
    const before = engine.edits.length;
    await expect(svc.applyColor(A, loose.id, lone!.id, "collection")).rejects.toThrow(InvalidRequestError);
    await expect(svc.applyColor(A, loose.id, lone!.id, "collection")).rejects.toThrow(/not started from a collection/);
    expect((await svc.editorState(A, lone!.id)).inCollection).toBe(false);
    // Another shop cannot use this shop's batch.
    await expect(svc.applyColor(B, b1.id, source!.id, "collection")).rejects.toThrow(NotFoundError);
    expect(engine.edits.length).toBe(before);
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
    await waitFor("published", async () =>
      (await env.db.imageJob.findUnique({ where: { id: img!.id } }))?.state === "published" ? true : null,
    );
    expect(edited.compositeSha).not.toBe(automatic.compositeSha);
    expect(shopify.publishes.at(-1)?.sha256).toBe(edited.compositeSha);
  });
});
