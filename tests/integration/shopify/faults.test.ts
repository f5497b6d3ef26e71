// Throttling, server errors, failed processing and token refresh, injected by the fake Shopify.
import type { PrismaClient } from "@prisma/client";
import type * as AdminClientServer from "../../../core/shopify/admin-client.server";
import type * as MediaPull from "../../../core/shopify/media-pull.server";
import type * as PublishServer from "../../../core/shopify/publish.server";
import type * as ShopifyErrors from "../../../core/shopify/errors";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOP, startHarness, type Harness } from "./harness";

let h: Harness;
let prisma: PrismaClient;
let clientMod: typeof AdminClientServer;
let pull: typeof MediaPull;
let publish: typeof PublishServer;
let errors: typeof ShopifyErrors;

beforeAll(async () => {
  h = await startHarness();
  await h.install();
  prisma = (await import("../../../core/db.server")).db();
  clientMod = await import("../../../core/shopify/admin-client.server");
  pull = await import("../../../core/shopify/media-pull.server");
  publish = await import("../../../core/shopify/publish.server");
  errors = await import("../../../core/shopify/errors");
});
afterAll(async () => {
  await prisma?.$disconnect();
  await h?.close();
});

const fault = (kind: string, times: number, operation?: string) =>
  fetch(`${h.fake.url}/_fake/faults`, { method: "POST", body: JSON.stringify({ kind, times, operation }) }).then((r) =>
    r.json(),
  );
const logOf = (op: string, since: number) =>
  h.fake
    .state()
    .log.slice(since)
    .filter((l) => l.operation === op);

describe("the Admin client under pressure", () => {
  it("retries THROTTLED (HTTP 200), 429 and 5xx answers and returns the right data", async () => {
    const client = await clientMod.getAdminClient(SHOP, { backoffBaseMs: 20 });
    const p = h.fake.state().products[2]!;
    await fault("THROTTLED", 2, "ProductMedia");
    await fault("HTTP_502", 1, "ProductMedia");
    await fault("HTTP_429", 1, "ProductMedia");
    const since = h.fake.state().log.length;
    const images = await pull.listProductImages(client, p.id);
    expect(images.map((i) => i.mediaId)).toEqual(p.media.map((m) => m.id));
    const log = logOf("ProductMedia", since);
    expect(log.map((l) => (l.throttled ? "THROTTLED" : l.status))).toEqual(["THROTTLED", "THROTTLED", 502, 429, 200]);
  });

  it("waits for the leaky bucket when many requests arrive at once", async () => {
    // A small bucket that holds one ProductMedia query (~103 points by Shopify's cost model) at a time.
    h.fake.store.settings.bucket = { maximumAvailable: 200, restoreRate: 400 };
    try {
      const client = await clientMod.getAdminClient(SHOP, { backoffBaseMs: 20 });
      const products = h.fake.state().products;
      const since = h.fake.state().log.length;
      const all = await Promise.all([...products, ...products].map((p) => pull.listProductImages(client, p.id)));
      expect(all.map((imgs) => imgs.length)).toEqual([...products, ...products].map((p) => p.media.length));
      const log = logOf("ProductMedia", since);
      expect(log.filter((l) => l.throttled).length).toBeGreaterThanOrEqual(1);
      expect(log.filter((l) => l.status === 200 && !l.throttled).length).toBe(products.length * 2);
    } finally {
      h.fake.store.settings.bucket = { maximumAvailable: 2000, restoreRate: 100 };
    }
  });

  it("gives up after 5 tries with a transient, plain-words error", async () => {
    const client = await clientMod.getAdminClient(SHOP, { backoffBaseMs: 5 });
    await fault("HTTP_500", 10, "ProductTitle");
    const since = h.fake.state().log.length;
    const err = await pull.getProductTitle(client, h.fake.state().products[0]!.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ShopifyError);
    expect((err as InstanceType<typeof errors.ShopifyError>).transient).toBe(true);
    expect((err as Error).message).toBe("Shopify is having trouble right now; Loupe will try again shortly.");
    expect(logOf("ProductTitle", since)).toHaveLength(5);
    await fetch(`${h.fake.url}/_fake/faults`, { method: "DELETE" });
  });
});

describe("publishing when Shopify fails to process the image", () => {
  it("reports FAILED in plain words, acknowledges it, keeps the old image, and a later retry succeeds", async () => {
    const p = h.fake.state().products[0]!;
    const med = p.media[0]!;
    const bytes = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#fffaf5" } })
      .jpeg()
      .toBuffer();
    const input = {
      shop: SHOP,
      jobId: "job-fail",
      productId: p.id,
      mediaId: med.id,
      bytes,
      mimeType: "image/jpeg",
      filename: "f.jpg",
      kind: "publish" as const,
    };
    await fault("PROCESSING_FAILED", 1, "fileUpdate");
    const since = h.fake.state().log.length;
    const err = await publish.publishMedia(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ShopifyError);
    expect((err as InstanceType<typeof errors.ShopifyError>).transient).toBe(false);
    expect((err as Error).message).toBe(
      "Shopify rejected the new image: Shopify could not process the image. Your store still shows the previous image.",
    );
    expect(logOf("AckFailed", since)).toHaveLength(1);
    const after = h.fake.state().products[0]!.media[0]!;
    expect([after.id, after.status, after.sha256]).toEqual([med.id, "READY", med.sha256]);
    expect((await prisma.mediaLedger.findFirst({ where: { jobId: "job-fail" } }))!.state).toBe("failed");

    const ok = await publish.publishMedia(input);
    expect(ok.alreadyDone).toBe(false);
    expect(h.fake.state().products[0]!.media[0]!.sha256).toBe(ok.sha256);
  });

  it("a failed upload is transient and leaves Shopify untouched", async () => {
    const p = h.fake.state().products[1]!;
    const med = p.media[0]!;
    const bytes = await sharp({ create: { width: 320, height: 320, channels: 3, background: "#faf0e6" } })
      .jpeg()
      .toBuffer();
    await fault("UPLOAD_500", 1);
    const err = await publish
      .publishMedia({
        shop: SHOP,
        jobId: "job-upload",
        productId: p.id,
        mediaId: med.id,
        bytes,
        mimeType: "image/jpeg",
        filename: "u.jpg",
        kind: "publish",
      })
      .catch((e: unknown) => e);
    expect((err as InstanceType<typeof errors.ShopifyError>).transient).toBe(true);
    expect(h.fake.state().products[1]!.media[0]!.sha256).toBe(med.sha256);
    const ok = await publish.publishMedia({
      shop: SHOP,
      jobId: "job-upload",
      productId: p.id,
      mediaId: med.id,
      bytes,
      mimeType: "image/jpeg",
      filename: "u.jpg",
      kind: "publish",
    });
    expect(h.fake.state().products[1]!.media[0]!.sha256).toBe(ok.sha256);
  });
});

describe("expiring offline tokens", () => {
  it("refreshes once per shop even when many requests need a token at the same time", async () => {
    const offline = () =>
      Object.values(h.fake.store.data.tokens).filter((t) => t.kind === "offline" && t.shop === SHOP);
    const issued = offline().length;
    const session = await prisma.session.findFirst({ where: { shop: SHOP, isOnline: false } });
    expect(session?.refreshToken).toMatch(/^shprt_/);
    // The stored token is about to expire: the next use must refresh it.
    await prisma.session.update({ where: { id: session!.id }, data: { expires: new Date(Date.now() + 60_000) } });
    clientMod.forgetOfflineSession(SHOP);
    const client = await clientMod.getAdminClient(SHOP, { backoffBaseMs: 5 });
    const p = h.fake.state().products[3]!;
    const titles = await Promise.all(Array.from({ length: 8 }, () => pull.getProductTitle(client, p.id)));
    expect(titles).toEqual(Array(8).fill(p.title));
    expect(offline().length).toBe(issued + 1); // exactly one refresh (a second one would have failed: refresh tokens are single use)
    const refreshed = await prisma.session.findFirst({ where: { shop: SHOP, isOnline: false } });
    expect(refreshed!.accessToken).not.toBe(session!.accessToken);
    expect(refreshed!.expires!.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });
});
