// The worker's batch target on a real database and real storage: a batch's photos share one target,
// computed once all their originals are stored; a batch started from a collection shares it with
// the collection's earlier batches (a single new product comes out at the collection's tone), and a
// later batch never changes an earlier one's target.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";
import { batchTarget } from "../../../workers/retouch/backdrop/batch-target";
import { forgetBatchTargets, targetForBatch, type TargetBatch } from "../../../workers/jobs/batch-target";
import type { JobContext } from "../../../workers/jobs/context";
import { makeEnv, type TestEnv } from "./helpers/env";

const SHOP = "s.myshopify.com";
let env: TestEnv;
let gets: number;
let ctx: JobContext;

beforeEach(async () => {
  forgetBatchTargets();
  env = await makeEnv({ sqlite: true });
  gets = 0;
  const storage = env.storage;
  // The real storage, counting reads (to see when a target is remembered rather than recomputed).
  ctx = {
    db: env.db,
    storage: new Proxy(storage, {
      get: (t, k) => (k === "get" ? (key: string) => (gets++, t.get(key)) : Reflect.get(t, k, t)),
    }),
  } as unknown as JobContext;
});
afterEach(() => env.cleanup());

/** A grey-sweep photo of one piece at an exposure, stored as the worker stores originals (by content). */
async function photo(exposure: number, seed: number): Promise<{ key: string; png: Buffer }> {
  const png = await fixturePng(makeFixture({ size: 320, surface: "grey-gradient", exposure, seed }));
  const key = `${SHOP}/original/${createHash("sha256").update(png).digest("hex")}.png`;
  await env.storage.put(key, png);
  return { key, png };
}

async function batch(
  id: string,
  collectionId: string | null,
  createdAt: Date,
  sourceKeys: Array<string | null>,
): Promise<TargetBatch> {
  await env.db.batch.create({
    data: {
      id,
      shop: SHOP,
      source: collectionId ? "collection" : "products",
      collectionId,
      settingsHash: "h",
      createdAt,
    },
  });
  for (const [k, sourceKey] of sourceKeys.entries())
    await env.db.imageJob.create({
      data: { shop: SHOP, batchId: id, productId: `p${k}`, mediaId: `${id}-m${k}`, settingsHash: "h", sourceKey },
    });
  return { id, collectionId, createdAt };
}

const targetOf = (pngs: Buffer[]) => batchTarget(pngs.map((p) => async () => p));

describe("the worker's batch target", () => {
  it("is computed from the batch's stored originals, once all are stored, then remembered", async () => {
    const shots = await Promise.all([0.7, 1.25, 1.0].map((e, k) => photo(e, 45 + k)));
    const b1 = await batch(
      "b1",
      null,
      new Date(1000),
      shots.map((s) => s.key),
    );
    const a = await targetForBatch(ctx, SHOP, b1);
    expect(a).toEqual(await targetOf(shots.map((s) => s.png)));
    expect(a!.backdropLinear[0]).toBeGreaterThan(0.05);
    expect(gets).toBe(3);
    expect(await targetForBatch(ctx, SHOP, b1)).toEqual(a);
    expect(gets).toBe(3); // remembered: no original read again
    // A batch with an original not stored yet: the stored ones decide, and nothing is remembered.
    const b2 = await batch("b2", null, new Date(2000), [shots[0]!.key, null, shots[2]!.key]);
    expect(await targetForBatch(ctx, SHOP, b2)).toEqual(await targetOf([shots[0]!.png, shots[2]!.png]));
    await targetForBatch(ctx, SHOP, b2);
    expect(gets).toBe(3 + 2 + 2);
  });

  it("a collection's later batch shares the collection's target; one new product alone would have none", async () => {
    const first = await Promise.all([0.6, 0.7, 0.75].map((e, k) => photo(e, 50 + k)));
    const added = await photo(1.4, 60);
    const c1 = await batch(
      "c1",
      "gid://shopify/Collection/7",
      new Date(1000),
      first.map((s) => s.key),
    );
    const before = await targetForBatch(ctx, SHOP, c1);
    // The new upload, run on its own later from the same collection.
    const c2 = await batch("c2", "gid://shopify/Collection/7", new Date(5000), [added.key]);
    const later = await targetForBatch(ctx, SHOP, c2);
    expect(later).toEqual(await targetOf([...first, added].map((s) => s.png)));
    // The same photo as a product selection (no collection): alone, it keeps its own default.
    const p = await batch("p1", null, new Date(6000), [added.key]);
    expect(await targetForBatch(ctx, SHOP, p)).toBeUndefined();
    // The collection's median sits with its first photos, far from the new photo's own surface.
    const own = (await targetOf([added.png, added.png]))!.backdropLinear[0];
    expect(Math.abs(later!.backdropLinear[0] - before!.backdropLinear[0])).toBeLessThan(
      0.25 * Math.abs(own - before!.backdropLinear[0]),
    );
    // A later batch never changes an earlier one's target, in this process or a fresh one.
    forgetBatchTargets();
    expect(await targetForBatch(ctx, SHOP, c1)).toEqual(before);
    // Another collection's photos do not vote.
    const other = await batch("o1", "gid://shopify/Collection/8", new Date(7000), [added.key]);
    expect(await targetForBatch(ctx, SHOP, other)).toBeUndefined();
  });
});
