// The load test's proof: nothing lost, nothing published twice. Checked from three sides that do
// not share code: Loupe's database (one job per seeded image, all published, one publish ledger row
// each), the fake Shopify's state (each image replaced exactly once, with the bytes Loupe recorded),
// the metering proxy (one ReplaceImage per media) — and the S3 bucket (original and result stored).
import type { PrismaClient } from "@prisma/client";
import type { FakeStore } from "../../tests/fake-shopify/server";
import type { Storage } from "../../core/storage/storage";
import type { SeededCollection } from "./seed";

export interface Verdict {
  seeded: number;
  jobs: number;
  published: number;
  notPublished: Array<{ id: string; state: string; lastError: string | null }>;
  missingJobs: string[];
  duplicateJobs: string[];
  ledgerNotOne: string[];
  shopifyWritesNotOne: Array<{ mediaId: string; version: number; proxyWrites: number }>;
  bytesMismatch: string[];
  blobsMissing: string[];
  ok: boolean;
}

export async function verify(
  db: PrismaClient,
  store: FakeStore,
  writesByMedia: Map<string, number>,
  storage: Storage,
  batches: Array<{ batchId: string; collection: SeededCollection }>,
): Promise<Verdict> {
  const v: Verdict = {
    seeded: 0,
    jobs: 0,
    published: 0,
    notPublished: [],
    missingJobs: [],
    duplicateJobs: [],
    ledgerNotOne: [],
    shopifyWritesNotOne: [],
    bytesMismatch: [],
    blobsMissing: [],
    ok: false,
  };
  for (const { batchId, collection } of batches) {
    v.seeded += collection.mediaIds.length;
    const jobs = await db.imageJob.findMany({ where: { batchId } });
    v.jobs += jobs.length;
    const byMedia = new Map<string, typeof jobs>();
    for (const j of jobs) byMedia.set(j.mediaId, [...(byMedia.get(j.mediaId) ?? []), j]);
    for (const m of collection.mediaIds) {
      const js = byMedia.get(m) ?? [];
      if (js.length === 0) v.missingJobs.push(m);
      if (js.length > 1) v.duplicateJobs.push(m);
    }
    const ledger = await db.mediaLedger.groupBy({
      by: ["jobId"],
      where: { jobId: { in: jobs.map((j) => j.id) }, kind: "publish" },
      _count: { _all: true },
    });
    const ledgerCount = new Map(ledger.map((l) => [l.jobId, l._count._all]));
    const results = new Map(
      (
        await db.retouchResult.findMany({
          where: { id: { in: jobs.map((j) => j.resultId).filter((x): x is string => !!x) } },
        })
      ).map((r) => [r.id, r]),
    );
    for (const j of jobs) {
      if (j.state !== "published") {
        v.notPublished.push({ id: j.id, state: j.state, lastError: j.lastError });
        continue;
      }
      v.published++;
      if (ledgerCount.get(j.id) !== 1) v.ledgerNotOne.push(j.id);
      store.settle();
      const file = store.data.files[j.mediaId];
      const writes = writesByMedia.get(j.mediaId) ?? 0;
      if (!file || file.version !== 2 || writes !== 1)
        v.shopifyWritesNotOne.push({ mediaId: j.mediaId, version: file?.version ?? -1, proxyWrites: writes });
      if (!file || file.blobSha !== j.publishedSha) v.bytesMismatch.push(j.mediaId);
      const r = j.resultId ? results.get(j.resultId) : undefined;
      for (const key of [j.sourceKey, r?.compositeKey, r?.reportKey])
        if (!key || !(await storage.has(key))) v.blobsMissing.push(`${j.id}:${key ?? "(none)"}`);
    }
  }
  v.ok =
    v.seeded === v.jobs &&
    v.published === v.seeded &&
    !v.missingJobs.length &&
    !v.duplicateJobs.length &&
    !v.ledgerNotOne.length &&
    !v.shopifyWritesNotOne.length &&
    !v.bytesMismatch.length &&
    !v.blobsMissing.length;
  return v;
}
