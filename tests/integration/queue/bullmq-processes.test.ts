// QUEUE=bullmq on a real redis-server: the demo (web + in-process worker) and a second
// `npm run worker` process share one batch; both processedBy values appear and nothing is lost.
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoStack, type DemoStack } from "./helpers/demo-stack";
import { startRedis, type RedisServer } from "./helpers/redis";
import { waitFor } from "./helpers/env";
import { setDb } from "../../../core/db.server";
import * as svc from "../../../core/batches/service.server";
import { DEMO_SHOP } from "../../fake-shopify/server";

let redis: RedisServer;
let stack: DemoStack;

beforeAll(async () => {
  redis = await startRedis();
  stack = await demoStack({
    QUEUE: "bullmq",
    REDIS_URL: redis.url,
    LOUPE_WORKER_CONCURRENCY: "2",
    LOUPE_ENGINE_THREADS: "1",
  });
  setDb(stack.db);
});

afterAll(async () => {
  setDb(null);
  await stack?.close();
  await redis?.stop();
});

it("shares one batch between the demo and a second worker process", async () => {
  const products = stack.fake.state().products.slice(0, 4);
  const mediaIds = products.flatMap((p) => p.media.map((m) => m.id));
  expect(mediaIds.length).toBe(7);
  await svc.saveShopSettings(DEMO_SHOP, { size: 512 });

  const demo = await stack.startDemo();
  const worker = await stack.startWorkerProcess();
  expect(worker.output()).toContain("bullmq queue");
  const res = await fetch(`${stack.appUrl}/api/batches`, {
    method: "POST",
    headers: { Authorization: `Bearer ${await stack.token()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ productIds: products.map((p) => p.id) }),
  });
  expect(res.status).toBe(201);
  const { batch } = (await res.json()) as { batch: { id: string } };

  await waitFor(
    "batch done",
    async () => (await stack.db.batch.findUnique({ where: { id: batch.id } }))?.status === "done",
    400_000,
    200,
  ).catch((err) => {
    throw new Error(
      `${err.message}\n--- demo\n${demo.output().slice(-4000)}\n--- worker\n${worker.output().slice(-4000)}`,
    );
  });
  const jobs = await stack.db.imageJob.findMany({ where: { batchId: batch.id } });
  expect(jobs.map((j) => j.state)).toEqual(jobs.map(() => "review"));
  expect(new Set(jobs.map((j) => j.mediaId))).toEqual(new Set(mediaIds));
  expect(await stack.db.retouchResult.count()).toBe(7);
  const demoPid = /worker (\S+): bullmq queue/.exec(demo.output())![1];
  const workerPid = /worker (\S+): bullmq queue/.exec(worker.output())![1];
  expect(demoPid).not.toBe(workerPid);
  expect(new Set(jobs.map((j) => j.processedBy))).toEqual(new Set([demoPid, workerPid]));
  expect(await worker.stop()).toBe(0); // SIGTERM: graceful
});
