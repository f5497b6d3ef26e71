// kill -9 of the demo in the middle of a batch, and again in the middle of publishing, restarting
// on the same database and storage each time: every image reaches review once, and publishing
// writes each media to (fake) Shopify exactly once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoStack, type DemoStack } from "./helpers/demo-stack";
import { waitFor } from "./helpers/env";
import { setDb } from "../../../core/db.server";
import { setProducer } from "../../../core/batches/enqueue.server";
import { createProducer } from "../../../core/queue/producer.server";
import * as svc from "../../../core/batches/service.server";
import { DEMO_SHOP } from "../../fake-shopify/server";

let stack: DemoStack;

beforeAll(async () => {
  stack = await demoStack({ LOUPE_WORKER_CONCURRENCY: "4", LOUPE_ENGINE_THREADS: "2" });
  setDb(stack.db); // the test approves and publishes through the services, as the web would
  setProducer(createProducer("local", ""));
});

afterAll(async () => {
  setDb(null);
  setProducer(null);
  await stack?.close();
});

const counts = async (batchId: string) => {
  const rows = await stack.db.imageJob.groupBy({ by: ["state"], where: { batchId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all])) as Record<string, number>;
};

it("survives kill -9 mid-batch and mid-publish: every image reviewed once, written once", async () => {
  // Three of the demo products (six photos), small output: the engine is real, so keep it short.
  const products = stack.fake.state().products.slice(0, 3);
  const mediaIds = products.flatMap((p) => p.media.map((m) => m.id));
  expect(mediaIds.length).toBe(6);
  await svc.saveShopSettings(DEMO_SHOP, { size: 512 });

  let demo = await stack.startDemo();
  const res = await fetch(`${stack.appUrl}/api/batches`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await stack.token()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ productIds: products.map((p) => p.id) }),
  });
  expect(res.status).toBe(201);
  const { batch } = (await res.json()) as { batch: { id: string; status: string } };
  expect(batch.status).toBe("pulling");

  // Crash once a few images are done and others are in flight.
  await waitFor("some images in review", async () => ((await counts(batch.id)).review ?? 0) >= 2, 240_000, 500).catch(
    (err) => {
      throw new Error(`${err.message}\n${demo.output().slice(-5000)}`);
    },
  );
  const firstPid = (await stack.db.imageJob.findFirst({ where: { batchId: batch.id, state: "review" } }))!.processedBy;
  await demo.crash();
  const atCrash = await counts(batch.id);
  expect(atCrash.review ?? 0).toBeLessThan(6);

  demo = await stack.startDemo();
  await waitFor(
    "batch done after restart",
    async () => (await stack.db.batch.findUnique({ where: { id: batch.id } }))?.status === "done",
    240_000,
    500,
  );
  const jobs = await stack.db.imageJob.findMany({ where: { batchId: batch.id } });
  expect(jobs).toHaveLength(6);
  expect(new Set(jobs.map((j) => j.mediaId))).toEqual(new Set(mediaIds));
  expect(jobs.every((j) => j.state === "review")).toBe(true);
  expect(await stack.db.retouchResult.count()).toBe(6); // one result per image: nothing done twice
  const pids = new Set(jobs.map((j) => j.processedBy));
  expect(pids.has(firstPid)).toBe(true);
  expect(pids.size).toBe(2); // finished by the restarted demo

  // Publish everything; crash again while writes are in flight.
  for (const j of jobs) await svc.approveImage(DEMO_SHOP, j.id);
  expect(await svc.publishApproved(DEMO_SHOP, batch.id)).toBe(6);
  await waitFor("some images published", async () => ((await counts(batch.id)).published ?? 0) >= 1, 240_000, 300);
  await demo.crash();
  expect((await counts(batch.id)).published ?? 0).toBeLessThan(6);

  demo = await stack.startDemo();
  await waitFor("all published", async () => (await counts(batch.id)).published === 6, 240_000, 500);

  // Exactly one write per media: each file's version went from 1 to 2, and holds our composite.
  const results = await stack.db.retouchResult.findMany();
  const files = stack.fake.store.data.files;
  for (const j of await stack.db.imageJob.findMany({ where: { batchId: batch.id } })) {
    const f = files[j.mediaId]!;
    expect({ media: j.mediaId, version: f.version }).toEqual({ media: j.mediaId, version: 2 });
    expect(f.blobSha).toBe(results.find((r) => r.id === j.resultId)!.compositeSha);
    expect(j.publishedSha).toBe(f.blobSha);
  }
  const writes = stack.fake
    .state()
    .log.filter((l) => l.operation === "ReplaceImage" && !l.errors?.length && l.status === 200);
  expect(writes).toHaveLength(6);
  expect(await demo.stop()).toBe(0); // graceful SIGTERM
});
