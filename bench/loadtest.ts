// `npm run loadtest` (not part of `npm test`): Loupe under load, all on this machine.
//   PostgreSQL + Redis (QUEUE=bullmq) + S3 (s3rver) + the fake Shopify behind a metering proxy;
//   LOADTEST_WORKERS (default 2, 2–4) `npm run worker` processes with LOUPE_ENGINE_FAST=1.
// Shop A has one collection of LOADTEST_A_IMAGES (1,000) images; shops B–D two small collections
// each (LOADTEST_SMALL_IMAGES, 6). Phases:
//   1. idle:   B–D retouch a small collection each on an otherwise idle system (latency baseline);
//   2. loaded: A's collection starts; once it is flowing, B–D retouch their second collection;
//              one worker is killed (SIGKILL) mid-run and replaced (LOADTEST_KILL=0 to skip);
//   3. publish: every image is published (as a merchant would), plus duplicate publish requests and
//              duplicate queue deliveries that must not write twice;
//   4. verify: nothing lost, nothing published twice (database, fake Shopify, proxy, S3).
// Reports images per minute, B–D latency loaded vs idle (must be within 2×), Admin API query cost per
// image against the throttle bucket; writes bench-results/loadtest-<time>.json. Exits 1 on failure.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { missingBinaries, startInfra, type Infra } from "./loadtest/infra";
import { renderPool, seedCollection, type SeededCollection } from "./loadtest/seed";
import { startWorkerProcess, type WorkerProc } from "./loadtest/workers";
import { throughput, waitFinished, type BatchOutcome, type BatchRun } from "./loadtest/observe";
import { verify } from "./loadtest/verify";
import { totals } from "./loadtest/cost-meter";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CFG = {
  aImages: num("LOADTEST_A_IMAGES", 1000),
  smallImages: num("LOADTEST_SMALL_IMAGES", 6),
  workers: Math.min(4, Math.max(1, num("LOADTEST_WORKERS", 2))),
  photoPx: num("LOADTEST_PHOTO_PX", 480),
  outputPx: Math.max(256, num("LOADTEST_OUTPUT_PX", 512)),
  kill: process.env.LOADTEST_KILL !== "0",
  /** Jobs a worker holds at once (LOUPE_WORKER_CONCURRENCY): engine threads + one for I/O overlap. */
  concurrency: num("LOADTEST_WORKER_CONCURRENCY", 2),
  timeoutMin: num("LOADTEST_TIMEOUT_MIN", 120),
  /** The fake's leaky bucket per shop (Shopify Standard: 100 points/s restore). */
  bucketRestore: num("LOADTEST_BUCKET_RESTORE", 100),
  bucketMax: num("LOADTEST_BUCKET_MAX", 2000),
  /** Start B–D's loaded run once this share of A is retouched (A is flowing, the queue is deep). */
  loadedAt: 0.1,
};
const SHOPS = {
  A: "loadtest-a.myshopify.com",
  B: "loadtest-b.myshopify.com",
  C: "loadtest-c.myshopify.com",
  D: "loadtest-d.myshopify.com",
};
const SMALL = [SHOPS.B, SHOPS.C, SHOPS.D];

const log = (msg: string) => process.stderr.write(`loadtest ${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const missing = missingBinaries();
  if (missing.length) throw new Error(`missing server binaries:\n  ${missing.join("\n  ")}`);
  log(`config ${JSON.stringify(CFG)}`);
  const infra: Infra = await startInfra();
  const workers: WorkerProc[] = [];
  const logDir = mkdtempSync(join(tmpdir(), "loupe-loadtest-logs-"));
  try {
    Object.assign(process.env, infra.env);
    const { setupDatabase } = await import("../scripts/setup");
    log(`database: ${await setupDatabase(infra.databaseUrl)}`);
    const db = (await import("../core/db.server")).db();
    const { storageFromEnv } = await import("../core/storage");
    const svc = await import("../core/batches/service.server");
    const { getProducer } = await import("../core/batches/enqueue.server");

    infra.fake.store.settings.bucket = { maximumAvailable: CFG.bucketMax, restoreRate: CFG.bucketRestore };
    // Seed the fake and give each shop an offline session (as after install).
    const photos = await renderPool(24, CFG.photoPx);
    const collA = seedCollection(infra.fake.store, SHOPS.A, "A Launch", CFG.aImages, 2, photos, CFG.photoPx);
    const warmColl = seedCollection(infra.fake.store, SHOPS.A, "A warm-up", 4, 2, photos, CFG.photoPx);
    const idle = new Map<string, SeededCollection>();
    const loaded = new Map<string, SeededCollection>();
    for (const shop of SMALL) {
      idle.set(
        shop,
        seedCollection(
          infra.fake.store,
          shop,
          `${shop.slice(9, 10).toUpperCase()} idle`,
          CFG.smallImages,
          2,
          photos,
          CFG.photoPx,
        ),
      );
      loaded.set(
        shop,
        seedCollection(
          infra.fake.store,
          shop,
          `${shop.slice(9, 10).toUpperCase()} loaded`,
          CFG.smallImages,
          2,
          photos,
          CFG.photoPx,
        ),
      );
    }
    for (const shop of Object.values(SHOPS)) {
      const token = infra.fake.store.issueToken(shop, "offline", "write_products,write_files", false);
      await db.session.create({
        data: { id: `offline_${shop}`, shop, state: "", isOnline: false, scope: token.scope, accessToken: token.token },
      });
      await svc.saveShopSettings(shop, { size: CFG.outputPx });
    }
    log(
      `seeded: A ${CFG.aImages} images, B–D ${CFG.smallImages} + ${CFG.smallImages} each (${CFG.photoPx} px photos, ${CFG.outputPx} px output)`,
    );

    const workerEnv = { ...infra.env, LOUPE_WORKER_CONCURRENCY: String(CFG.concurrency) };
    for (let i = 0; i < CFG.workers; i++) workers.push(startWorkerProcess(`worker-${i + 1}`, workerEnv, logDir));
    log(`${CFG.workers} workers started (logs in ${logDir})`);
    const timeoutMs = CFG.timeoutMin * 60_000;
    const start = async (label: string, c: SeededCollection): Promise<BatchRun> => {
      const b = await svc.createBatch(c.shop, { collectionId: c.id });
      return { label, shop: c.shop, batchId: b.id, images: c.mediaIds.length };
    };

    // 1. Idle baseline, after a warm-up batch (engine threads, model, connections) on shop A.
    const warm = await start("warm-up", warmColl);
    await waitFinished(db, [warm], { timeoutMs });
    const idleRuns = await Promise.all(SMALL.map((s) => start(`${s} idle`, idle.get(s)!)));
    const idleOut = await waitFinished(db, idleRuns, { timeoutMs });
    log(`idle: ${idleOut.map((o) => `${o.shop.slice(0, 10)} ${(o.latencyMs / 1000).toFixed(1)} s`).join(", ")}`);

    // 2. Loaded: A's collection, then B–D while A runs; a worker crash after B–D finished (so the
    //    crash's lease and stall timeouts prove recovery without blurring the latency comparison).
    const runA = await start("A", collA);
    const loadedRuns: BatchRun[] = [];
    let killed = false;
    let lastLog = 0;
    const outA = await waitFinished(db, [runA], {
      timeoutMs,
      pollMs: 1000,
      tick: async (done, total) => {
        if (loadedRuns.length === 0 && done >= total * CFG.loadedAt) {
          loadedRuns.push(...(await Promise.all(SMALL.map((s) => start(`${s} loaded`, loaded.get(s)!)))));
          log(`A at ${done}/${total}: B–D started their loaded batches`);
        }
        const smallDone =
          loadedRuns.length > 0 &&
          (await db.batch.count({ where: { id: { in: loadedRuns.map((r) => r.batchId) }, status: "done" } })) ===
            loadedRuns.length;
        if (CFG.kill && !killed && smallDone && done >= total * 0.4 && done < total * 0.9) {
          killed = true;
          workers[0]!.kill();
          log(`A at ${done}/${total}: killed ${workers[0]!.name} (SIGKILL); starting a replacement`);
          workers.push(startWorkerProcess(`worker-${workers.length + 1}`, workerEnv, logDir));
        }
        if (Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          log(`A: ${done}/${total} retouched`);
        }
      },
    });
    const loadedOut = await waitFinished(db, loadedRuns, { timeoutMs });
    const rateA = await throughput(db, runA.batchId);
    log(`A: ${rateA.images} images in ${rateA.minutes.toFixed(1)} min = ${rateA.perMinute.toFixed(1)}/min`);
    log(`loaded: ${loadedOut.map((o) => `${o.shop.slice(0, 10)} ${(o.latencyMs / 1000).toFixed(1)} s`).join(", ")}`);
    const retouchCost = snapshotCost(infra);

    // 3. Publish everything, with duplicate requests and duplicate deliveries.
    const all: Array<{ batchId: string; collection: SeededCollection }> = [
      { batchId: warm.batchId, collection: warmColl },
      ...idleRuns.map((r) => ({ batchId: r.batchId, collection: idle.get(r.shop)! })),
      { batchId: runA.batchId, collection: collA },
      ...loadedRuns.map((r) => ({ batchId: r.batchId, collection: loaded.get(r.shop)! })),
    ];
    const review = await db.imageJob.findMany({
      where: { batchId: { in: all.map((a) => a.batchId) }, state: "review" },
      select: { id: true, shop: true },
    });
    const publishStart = Date.now();
    let refusedTwice = 0;
    for (const [i, j] of review.entries()) {
      await svc.publishImage(j.shop, j.id);
      if (i < 20) {
        await svc.publishImage(j.shop, j.id).then(
          () => undefined,
          () => refusedTwice++,
        );
        await getProducer().enqueue([{ kind: "publish", id: j.id, shop: j.shop, attempt: 7 }]); // a stray redelivery
      }
    }
    log(`publish: ${review.length} images requested (20 asked twice: ${refusedTwice} refused; 20 delivered twice)`);
    const publishEnd = Date.now() + timeoutMs;
    for (;;) {
      const left = await db.imageJob.count({
        where: { batchId: { in: all.map((a) => a.batchId) }, state: { in: ["approved", "publishing"] } },
      });
      if (left === 0) break;
      if (Date.now() > publishEnd) throw new Error(`${left} images still publishing after ${CFG.timeoutMin} min`);
      await sleep(1000);
    }
    const publishMin = (Date.now() - publishStart) / 60_000;
    await sleep(3000); // let stray deliveries run: they must find nothing to do
    const totalCost = snapshotCost(infra);

    // 4. Verify.
    const verdict = await verify(db, infra.fake.store, infra.meter.writesByMedia, storageFromEnv(), all);
    const aJobs = await db.imageJob.count({ where: { shop: SHOPS.A } });
    const report = buildReport({
      aJobs,
      killed,
      idleOut,
      loadedOut,
      outA: outA[0]!,
      rateA,
      retouchCost,
      totalCost,
      publishMin,
      publishedImages: review.length,
      refusedTwice,
      verdict,
      infra,
    });
    mkdirSync(resolve("bench-results"), { recursive: true });
    const file = resolve(`bench-results/loadtest-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2));
    printReport(report);
    log(`report written to ${file}`);
    await db.$disconnect();
    return report.pass ? 0 : 1;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await infra.stop();
  }
}

function snapshotCost(infra: Infra) {
  return Object.fromEntries(
    Object.values(SHOPS).map((shop) => {
      const ops = infra.meter.byShop.get(shop);
      return [
        shop,
        {
          total: totals(ops),
          byOperation: Object.fromEntries([...(ops ?? new Map()).entries()].map(([k, v]) => [k, { ...v }])),
        },
      ];
    }),
  );
}

type CostSnapshot = ReturnType<typeof snapshotCost>;

function buildReport(r: {
  /** Every image of shop A (its launch collection and the warm-up): the cost denominator. */
  aJobs: number;
  killed: boolean;
  idleOut: BatchOutcome[];
  loadedOut: BatchOutcome[];
  outA: BatchOutcome;
  rateA: Awaited<ReturnType<typeof throughput>>;
  retouchCost: CostSnapshot;
  totalCost: CostSnapshot;
  publishMin: number;
  publishedImages: number;
  refusedTwice: number;
  verdict: Awaited<ReturnType<typeof verify>>;
  infra: Infra;
}) {
  const idleMedian = median(r.idleOut.map((o) => o.latencyMs));
  const loadedMedian = median(r.loadedOut.map((o) => o.latencyMs));
  const ratio = idleMedian > 0 ? loadedMedian / idleMedian : Infinity;
  const a = SHOPS.A;
  const pullCostA = r.retouchCost[a]!.total.cost;
  const allCostA = r.totalCost[a]!.total.cost;
  const bucket = r.infra.meter.bucket.get(a) ?? { maximumAvailable: 0, restoreRate: 0 };
  const perImage = { pull: pullCostA / r.aJobs, publish: (allCostA - pullCostA) / r.aJobs, total: allCostA / r.aJobs };
  const shopifyImagesPerMinute = bucket.restoreRate > 0 ? (bucket.restoreRate * 60) / perImage.total : 0;
  // Share of A's bucket the retouch phase used: its pull cost over what the bucket restored meanwhile.
  const bucketUseWhileRetouching = bucket.restoreRate > 0 ? pullCostA / (bucket.restoreRate * r.rateA.minutes * 60) : 0;
  return {
    config: CFG,
    at: new Date().toISOString(),
    workerKilledMidRun: r.killed,
    throughput: {
      shopA: r.rateA,
      publishMinutes: r.publishMin,
      publishedImages: r.publishedImages,
      publishPerMinute: r.publishedImages / r.publishMin,
    },
    latency: {
      idle: r.idleOut.map((o) => ({ shop: o.shop, images: o.jobs, seconds: o.latencyMs / 1000 })),
      loaded: r.loadedOut.map((o) => ({ shop: o.shop, images: o.jobs, seconds: o.latencyMs / 1000 })),
      idleMedianSeconds: idleMedian / 1000,
      loadedMedianSeconds: loadedMedian / 1000,
      ratio,
      within2x: ratio <= 2,
    },
    shopifyCost: {
      perImageA: perImage,
      bucketA: bucket,
      throttledCalls: Object.fromEntries(Object.entries(r.totalCost).map(([s, c]) => [s, c.total.throttled])),
      imagesPerMinuteTheBucketAllows: shopifyImagesPerMinute,
      bucketUseWhileRetouching,
      byShop: r.totalCost,
    },
    nothingLostOrTwice: r.verdict,
    duplicatePublishRequestsRefused: r.refusedTwice,
    pass: r.verdict.ok && ratio <= 2 && r.refusedTwice === 20,
  };
}

function printReport(rep: ReturnType<typeof buildReport>) {
  const out = [
    "",
    "== Loupe load test",
    `workers ${rep.config.workers} × ${rep.config.concurrency} jobs (bullmq, PostgreSQL, S3), LOUPE_ENGINE_FAST=1, ${rep.config.photoPx} px photos → ${rep.config.outputPx} px; a worker killed mid-run: ${rep.workerKilledMidRun ? "yes" : "no"}`,
    `shop A: ${rep.throughput.shopA.images} images retouched in ${rep.throughput.shopA.minutes.toFixed(1)} min = ${rep.throughput.shopA.perMinute.toFixed(1)} images/min (per minute: ${rep.throughput.shopA.perMinuteByMinute.join(" ")})`,
    `publish: ${rep.throughput.publishedImages} images in ${rep.throughput.publishMinutes.toFixed(1)} min = ${rep.throughput.publishPerMinute.toFixed(1)}/min`,
    `small shops, idle:   ${rep.latency.idle.map((l) => `${l.seconds.toFixed(1)} s`).join(", ")} (median ${rep.latency.idleMedianSeconds.toFixed(1)} s)`,
    `small shops, loaded: ${rep.latency.loaded.map((l) => `${l.seconds.toFixed(1)} s`).join(", ")} (median ${rep.latency.loadedMedianSeconds.toFixed(1)} s) → ${rep.latency.ratio.toFixed(2)}× ${rep.latency.within2x ? "(within 2×)" : "(OVER 2×)"}`,
    `Shopify cost per image (A): pull ${rep.shopifyCost.perImageA.pull.toFixed(1)} + publish ${rep.shopifyCost.perImageA.publish.toFixed(1)} = ${rep.shopifyCost.perImageA.total.toFixed(1)} points; bucket ${rep.shopifyCost.bucketA.maximumAvailable}/${rep.shopifyCost.bucketA.restoreRate} per s → at most ${rep.shopifyCost.imagesPerMinuteTheBucketAllows.toFixed(0)} images/min per shop`,
    `A's bucket used while retouching: ${(rep.shopifyCost.bucketUseWhileRetouching * 100).toFixed(1)}%; throttled calls: ${JSON.stringify(rep.shopifyCost.throttledCalls)}`,
    `nothing lost: ${rep.nothingLostOrTwice.seeded} seeded, ${rep.nothingLostOrTwice.jobs} jobs, ${rep.nothingLostOrTwice.published} published; missing ${rep.nothingLostOrTwice.missingJobs.length}, duplicate jobs ${rep.nothingLostOrTwice.duplicateJobs.length}, not published ${rep.nothingLostOrTwice.notPublished.length}, blobs missing ${rep.nothingLostOrTwice.blobsMissing.length}`,
    `nothing twice: ledger≠1 ${rep.nothingLostOrTwice.ledgerNotOne.length}, Shopify writes≠1 ${rep.nothingLostOrTwice.shopifyWritesNotOne.length}, bytes differ ${rep.nothingLostOrTwice.bytesMismatch.length}; duplicate publish requests refused ${rep.duplicatePublishRequestsRefused}/20`,
    rep.pass ? "PASS" : "FAIL",
  ];
  console.log(out.join("\n"));
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`loadtest: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
