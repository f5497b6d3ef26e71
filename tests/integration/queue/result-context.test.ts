// A stored result is reused only when everything that changes it is the same: the source bytes, the
// settings, and the context (engine version, the collection's reference image, the product title).
// Real SQLite and storage, the local queue, in-memory Shopify and engine (counting engine runs).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createProducer } from "../../../core/queue/producer.server";
import { setProducer } from "../../../core/batches/enqueue.server";
import { startWorker, type RunningWorker } from "../../../workers/main";
import * as svc from "../../../core/batches/service.server";
import { makeEnv, waitFor, type TestEnv } from "./helpers/env";
import { FakeEngine, FakeShopify, productGid } from "./helpers/fakes";
import { contextHash, resultContext } from "../../../workers/jobs/result-context";

const A = "alpha-jewels.myshopify.com";
const COLLECTION = "gid://shopify/Collection/77";

let env: TestEnv;
let shopify: FakeShopify;
let engine: FakeEngine;
let worker: RunningWorker | null = null;

beforeEach(async () => {
  env = await makeEnv();
  shopify = new FakeShopify();
  engine = new FakeEngine();
  setProducer(createProducer("local", ""));
  worker = await startWorker({ driver: "local", db: env.db, deps: { shopify, engine }, concurrency: 1, pollMs: 50 });
});
afterEach(async () => {
  await worker?.close();
  setProducer(null);
  await env.cleanup();
});

async function run(req: { productIds: string[] } | { collectionId: string }) {
  const created = await svc.createBatch(A, req);
  return waitFor("batch done", async () => {
    const b = await svc.getBatch(A, created.id);
    return b?.status === "done" ? b : null;
  });
}

async function setReference(bytes: string) {
  const key = `${A}/reference/${Buffer.from(bytes).toString("hex")}.jpg`;
  await env.storage.put(key, Buffer.from(bytes));
  const data = { blobKey: key };
  await env.db.collectionReference.upsert({
    where: { shop_collectionId: { shop: A, collectionId: COLLECTION } },
    create: { shop: A, collectionId: COLLECTION, ...data },
    update: data,
  });
}

describe("result keys carry the whole context", () => {
  it("reuses a result for the same context, and runs again for a new product title or reference image", async () => {
    shopify.addProduct(A, 1, 1, "Yellow Gold Ring");
    await run({ productIds: [productGid(1)] });
    await run({ productIds: [productGid(1)] });
    expect(engine.calls).toHaveLength(1); // same bytes, settings and context: reused

    shopify.addProduct(A, 1, 1, "White Gold Ring"); // the merchant renamed the product (METAL_TYPE_MISMATCH reads it)
    await run({ productIds: [productGid(1)] });
    expect(engine.calls).toHaveLength(2);

    shopify.collections.set(COLLECTION, [productGid(1)]);
    await setReference("reference-one");
    await run({ collectionId: COLLECTION });
    expect(engine.calls).toHaveLength(3); // a reference image changes the guards' verdict
    await run({ collectionId: COLLECTION });
    expect(engine.calls).toHaveLength(3);
    await setReference("reference-two");
    await run({ collectionId: COLLECTION });
    expect(engine.calls).toHaveLength(4);
    expect(new Set((await env.db.retouchResult.findMany()).map((r) => r.contextHash)).size).toBe(4);
  });

  it("the context hash changes with the settings, the engine version, the reference and the title", () => {
    const base = resultContext("settings-1", Buffer.from("ref"), "Ring");
    const h = contextHash(base);
    expect(contextHash({ ...base, engine: `${base.engine}-next` })).not.toBe(h);
    expect(contextHash(resultContext("settings-2", Buffer.from("ref"), "Ring"))).not.toBe(h);
    expect(contextHash(resultContext("settings-1", null, "Ring"))).not.toBe(h);
    expect(contextHash(resultContext("settings-1", Buffer.from("ref"), "Ring 2"))).not.toBe(h);
    expect(contextHash(resultContext("settings-1", Buffer.from("ref"), "Ring"))).toBe(h);
    expect(base.engine).toMatch(/^(env|src):/);
  });
});
