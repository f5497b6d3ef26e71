// Publishing a whole collection image by image through the real client, staged uploads, fileUpdate in
// place and the ledger, against the fake Shopify over HTTP; then reverting every image.
import type { PrismaClient } from "@prisma/client";
import type * as AdminClientServer from "../../../core/shopify/admin-client.server";
import type * as MediaPull from "../../../core/shopify/media-pull.server";
import type * as PublishServer from "../../../core/shopify/publish.server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOP, startHarness, type Harness } from "./harness";

let h: Harness;
type Mods = {
  client: typeof AdminClientServer;
  pull: typeof MediaPull;
  publish: typeof PublishServer;
  prisma: PrismaClient;
};
let m: Mods;

beforeAll(async () => {
  h = await startHarness();
  await h.install();
  m = {
    client: await import("../../../core/shopify/admin-client.server"),
    pull: await import("../../../core/shopify/media-pull.server"),
    publish: await import("../../../core/shopify/publish.server"),
    prisma: (await import("../../../core/db.server")).db(),
  };
});
afterAll(async () => {
  await m?.prisma.$disconnect();
  await h?.close();
});

/** A stand-in for the engine's output: visibly different bytes, same format. */
async function retouch(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).modulate({ brightness: 1.08 }).jpeg({ quality: 90 }).toBuffer();
}

describe("publishing the demo collection", () => {
  it("replaces every image in place (same id, position, alt), then revert restores the original bytes", async () => {
    const client = await m.client.getAdminClient(SHOP);
    const before = h.fake.state();
    const collection = before.collections.find((c) => c.title === "Spring Jewelry")!;
    const products = await m.pull.listCollectionProducts(client, collection.id);
    expect(products.map((p) => p.id)).toEqual(collection.productIds);
    expect(products.length).toBeGreaterThanOrEqual(6);

    const originals = new Map<string, string>();
    const written = new Map<string, string>();
    for (const p of products) {
      const images = await m.pull.listProductImages(client, p.id);
      const fakeProduct = before.products.find((x) => x.id === p.id)!;
      expect(images.map((i) => [i.mediaId, i.position, i.alt])).toEqual(
        fakeProduct.media.map((x) => [x.id, x.position, x.alt]),
      );
      for (const img of images) {
        const orig = await m.pull.downloadOriginal(img.url!);
        expect(orig.sha256).toBe(fakeProduct.media[img.position]!.sha256);
        originals.set(img.mediaId, orig.sha256);
        const out = await retouch(orig.bytes);
        const r = await m.publish.publishMedia({
          shop: SHOP,
          jobId: `job-${img.mediaId}`,
          productId: p.id,
          mediaId: img.mediaId,
          bytes: out,
          mimeType: "image/jpeg",
          filename: "retouched.jpg",
          kind: "publish",
        });
        expect(r.alreadyDone).toBe(false);
        expect(r.mediaId).toBe(img.mediaId);
        expect(r.url).toMatch(/^https:\/\/cdn\.shopify\.com\/.*\?v=2$/);
        written.set(img.mediaId, r.sha256);
        (globalThis as { __orig?: Map<string, Buffer> }).__orig ??= new Map();
        (globalThis as { __orig?: Map<string, Buffer> }).__orig!.set(img.mediaId, orig.bytes);
      }
    }

    const after = h.fake.state();
    for (const p of before.products) {
      const now = after.products.find((x) => x.id === p.id)!;
      expect(now.media.map((x) => [x.id, x.position, x.alt, x.status])).toEqual(
        p.media.map((x) => [x.id, x.position, x.alt, "READY"]),
      );
      for (const med of now.media) {
        expect(med.sha256).toBe(written.get(med.id));
        expect(med.sha256).not.toBe(originals.get(med.id));
      }
    }
    const ledger = await m.prisma.mediaLedger.findMany({ where: { shop: SHOP, kind: "publish" } });
    expect(ledger.length).toBe(originals.size);
    expect(ledger.every((l) => l.state === "ready" && l.previousSha === originals.get(l.mediaId))).toBe(true);

    // Revert: the stored original goes back the same way.
    const origBytes = (globalThis as { __orig?: Map<string, Buffer> }).__orig!;
    for (const p of before.products) {
      for (const med of p.media) {
        const r = await m.publish.publishMedia({
          shop: SHOP,
          jobId: `job-${med.id}`,
          productId: p.id,
          mediaId: med.id,
          bytes: origBytes.get(med.id)!,
          mimeType: "image/jpeg",
          filename: "original.jpg",
          kind: "revert",
        });
        expect(r.sha256).toBe(originals.get(med.id));
      }
    }
    const reverted = h.fake.state();
    for (const p of before.products) {
      const now = reverted.products.find((x) => x.id === p.id)!;
      expect(now.media.map((x) => [x.id, x.position, x.alt, x.sha256])).toEqual(
        p.media.map((x) => [x.id, x.position, x.alt, x.sha256]),
      );
    }
    // Every operation the app sent passed the fake's schema validation.
    expect(reverted.log.filter((l) => l.errors?.length)).toEqual([]);
  });

  it("is at most once per (job, kind, sha256): a repeat returns the first write without writing", async () => {
    const p = h.fake.state().products[1]!;
    const med = p.media[0]!;
    const client = await m.client.getAdminClient(SHOP);
    const orig = await m.pull.downloadOriginal(med.url.replace(/\?.*$/, "") + "?v=1");
    const bytes = await retouch(orig.bytes);
    const input = {
      shop: SHOP,
      jobId: "job-once",
      productId: p.id,
      mediaId: med.id,
      bytes,
      mimeType: "image/jpeg",
      filename: "x.jpg",
      kind: "publish" as const,
    };
    const first = await m.publish.publishMedia(input, { client });
    const writesBefore = h.fake.state().log.filter((l) => l.operation === "ReplaceImage").length;
    const second = await m.publish.publishMedia(input, { client });
    expect(second).toEqual({ ...first, alreadyDone: true });
    expect(h.fake.state().log.filter((l) => l.operation === "ReplaceImage").length).toBe(writesBefore);
  });

  it("publishes again after a revert (publish → revert → publish of the same result writes three times), and retries stay at most once", async () => {
    const { ledgerJobKey } = await import("../../../workers/jobs/ledger-key");
    const p = h.fake.state().products[3]!;
    const med = p.media[0]!;
    const client = await m.client.getAdminClient(SHOP);
    const original = await m.pull.downloadOriginal(med.url);
    const result = await retouch(original.bytes);
    const base = { shop: SHOP, productId: p.id, mediaId: med.id, mimeType: "image/jpeg", filename: "x.jpg" };
    const writes = () => h.fake.state().log.filter((l) => l.operation === "ReplaceImage").length;
    const shaNow = () => h.fake.state().products.find((x) => x.id === p.id)!.media[0]!.sha256;
    const start = writes();

    const key1 = await ledgerJobKey(m.prisma, SHOP, "job-again");
    const first = await m.publish.publishMedia({ ...base, jobId: key1, bytes: result, kind: "publish" }, { client });
    expect(first.alreadyDone).toBe(false);
    expect(shaNow()).toBe(first.sha256);

    const key2 = await ledgerJobKey(m.prisma, SHOP, "job-again");
    expect(key2).toBe(key1); // a revert of this publish: same generation
    const back = await m.publish.publishMedia(
      { ...base, jobId: key2, bytes: original.bytes, kind: "revert" },
      { client },
    );
    expect(back.alreadyDone).toBe(false);
    expect(shaNow()).toBe(original.sha256);

    const key3 = await ledgerJobKey(m.prisma, SHOP, "job-again");
    expect(key3).not.toBe(key1); // the revert completed: a new generation
    const again = await m.publish.publishMedia({ ...base, jobId: key3, bytes: result, kind: "publish" }, { client });
    expect(again.alreadyDone).toBe(false);
    expect(shaNow()).toBe(first.sha256);
    expect(writes() - start).toBe(3);

    // A retry of that last write (a crash or a transient error) finds the same key and writes nothing.
    const retry = await m.publish.publishMedia(
      { ...base, jobId: await ledgerJobKey(m.prisma, SHOP, "job-again"), bytes: result, kind: "publish" },
      { client },
    );
    expect(retry.alreadyDone).toBe(true);
    expect(writes() - start).toBe(3);
  });

  it("after a crash between fileUpdate and the ledger update, does not write again", async () => {
    const p = h.fake.state().products[2]!;
    const med = p.media[1]!;
    const bytes = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#f0e0d0" } })
      .jpeg()
      .toBuffer();
    const input = {
      shop: SHOP,
      jobId: "job-crash",
      productId: p.id,
      mediaId: med.id,
      bytes,
      mimeType: "image/jpeg",
      filename: "x.jpg",
      kind: "publish" as const,
    };
    await m.publish.publishMedia(input);
    // Simulate the crash: the write reached Shopify but the ledger still says "uploaded".
    await m.prisma.mediaLedger.updateMany({
      where: { jobId: "job-crash" },
      data: { state: "uploaded", urlAfterWrite: null },
    });
    const writes = () => h.fake.state().log.filter((l) => l.operation === "ReplaceImage").length;
    const n = writes();
    const again = await m.publish.publishMedia(input);
    expect(again.alreadyDone).toBe(true);
    expect(writes()).toBe(n);
    expect((await m.prisma.mediaLedger.findFirst({ where: { jobId: "job-crash" } }))!.state).toBe("ready");
  });

  it("after a crash before the write reached Shopify, writes exactly once", async () => {
    const p = h.fake.state().products[3]!;
    const med = p.media[0]!;
    const bytes = await sharp({ create: { width: 500, height: 500, channels: 3, background: "#fafafa" } })
      .jpeg()
      .toBuffer();
    const { createHash } = await import("node:crypto");
    const sha = createHash("sha256").update(bytes).digest("hex");
    await m.prisma.mediaLedger.create({
      data: {
        shop: SHOP,
        productId: p.id,
        mediaId: med.id,
        jobId: "job-crash2",
        kind: "publish",
        sha256: sha,
        previousSha: med.sha256,
        state: "intent",
      },
    });
    const writes = () => h.fake.state().log.filter((l) => l.operation === "ReplaceImage").length;
    const n = writes();
    const r = await m.publish.publishMedia({
      shop: SHOP,
      jobId: "job-crash2",
      productId: p.id,
      mediaId: med.id,
      bytes,
      mimeType: "image/jpeg",
      filename: "x.jpg",
      kind: "publish",
    });
    expect(r.alreadyDone).toBe(false);
    expect(writes()).toBe(n + 1);
    expect(h.fake.state().products[3]!.media[0]!.sha256).toBe(sha);
  });
});
