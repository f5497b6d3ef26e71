// Publishing follows Shopify's rules, against a fake that follows them too (over HTTP):
//   • a file "being modified by another operation" (MEDIA_CANNOT_BE_MODIFIED) is retried later, never
//     moved to a new media; a file left FAILED (INVALID_FAILED_MEDIA_STATE) is acknowledged and explained;
//   • the fallback to a new media (when the in-place replace is refused) keeps the position and puts the
//     new media on every variant that showed the old one, and a crash between the add and the detach
//     resumes on the same new media: nothing is added twice or lost;
//   • Shopify refuses images above 20 MP; a ProductMedia query costs what Shopify's cost model says.
import type { PrismaClient } from "@prisma/client";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOP, startHarness, type Harness } from "./harness";
import type * as AdminClientServer from "../../../core/shopify/admin-client.server";
import type * as PublishServer from "../../../core/shopify/publish.server";
import type * as ReplaceMedia from "../../../core/shopify/replace-media.server";
import type * as MediaPull from "../../../core/shopify/media-pull.server";

let h: Harness;
let prisma: PrismaClient;
let clientMod: typeof AdminClientServer;
let publish: typeof PublishServer;
let replace: typeof ReplaceMedia;
let pull: typeof MediaPull;

beforeAll(async () => {
  h = await startHarness();
  await h.install();
  prisma = (await import("../../../core/db.server")).db();
  clientMod = await import("../../../core/shopify/admin-client.server");
  publish = await import("../../../core/shopify/publish.server");
  replace = await import("../../../core/shopify/replace-media.server");
  pull = await import("../../../core/shopify/media-pull.server");
});
afterAll(async () => {
  await prisma?.$disconnect();
  await h?.close();
});

const logOf = (op: string, since: number) =>
  h.fake
    .state()
    .log.slice(since)
    .filter((l) => l.operation === op);
const png = (color: string, size = 400) =>
  sharp({ create: { width: size, height: size, channels: 3, background: color } })
    .png()
    .toBuffer();

async function staged(
  client: Awaited<ReturnType<typeof clientMod.getAdminClient>>,
  filename: string,
  mimeType: string,
  bytes: Buffer,
) {
  const { stageUpload } = await import("../../../core/shopify/staged-upload.server");
  return stageUpload(client, { bytes, mimeType, filename });
}

describe("in-place replace against Shopify's error codes", () => {
  it("MEDIA_CANNOT_BE_MODIFIED is 'try again later', not a reason to add a new media", async () => {
    const client = await clientMod.getAdminClient(SHOP);
    const p = h.fake.state().products[1]!;
    const f = h.fake.store.data.files[p.media[0]!.id]!;
    // Another operation (the merchant editing the photo) is modifying the READY file right now.
    f.pending = {
      blobSha: f.blobSha,
      mimeType: f.mimeType,
      width: f.width,
      height: f.height,
      filename: f.filename,
      readyAt: Date.now() + 60_000,
      fail: false,
      staleUntil: Date.now() + 60_000,
    };
    try {
      const url = await staged(
        client,
        "x.jpg",
        "image/jpeg",
        await sharp(await png("#eee"))
          .jpeg()
          .toBuffer(),
      );
      const err = await replace.replaceInPlace(client, f.id, url).catch((e: unknown) => e);
      expect(err).toBeInstanceOf((await import("../../../core/shopify/errors")).ShopifyError);
      expect([(err as { code: string }).code, (err as { transient: boolean }).transient]).toEqual([
        "MEDIA_CANNOT_BE_MODIFIED",
        true,
      ]);
      expect((err as Error).message).toBe(
        "The image is being changed by another operation in Shopify; Loupe will try again shortly.",
      );
      expect(err).not.toBeInstanceOf(replace.InPlaceRefused);
    } finally {
      f.pending = null;
    }
  });

  it("INVALID_FAILED_MEDIA_STATE: the failed update is acknowledged (photo READY again, unchanged) and explained", async () => {
    const client = await clientMod.getAdminClient(SHOP);
    const p = h.fake.state().products[2]!;
    const f = h.fake.store.data.files[p.media[0]!.id]!;
    const sha = f.blobSha;
    f.status = "FAILED";
    f.errors = [{ code: "IMAGE_PROCESSING_FAILURE", message: "Image processing failed." }];
    const since = h.fake.state().log.length;
    const url = await staged(
      client,
      "y.jpg",
      "image/jpeg",
      await sharp(await png("#ddd"))
        .jpeg()
        .toBuffer(),
    );
    const err = await replace.replaceInPlace(client, f.id, url).catch((e: unknown) => e);
    expect([(err as { code: string }).code, (err as { transient: boolean }).transient]).toEqual([
      "INVALID_FAILED_MEDIA_STATE",
      true,
    ]);
    expect((err as Error).message).toMatch(/^An earlier update of this photo had failed in Shopify/);
    expect(logOf("AckFailed", since)).toHaveLength(1);
    expect([f.status, f.blobSha]).toEqual(["READY", sha]);
    // The retry the worker makes later goes through.
    await replace.replaceInPlace(client, f.id, url);
  });
});

describe("the add/detach fallback", () => {
  it("keeps position and variant images, and resumes after a crash between add and detach without adding twice", async () => {
    const p = h.fake.state().products.find((x) => x.media.length >= 2)!;
    const product = h.fake.store.data.products[p.id]!;
    const old = p.media[0]!;
    const variant = product.variants.find((v) => v.mediaIds.includes(old.id))!;
    expect(variant).toBeDefined();
    // A PNG on a JPG file: Shopify refuses the in-place replace (extension), so the fallback runs.
    // The detach fails five times in a row (the client's tries): the worker "crashes" there.
    await fetch(`${h.fake.url}/_fake/faults`, {
      method: "POST",
      body: JSON.stringify({ kind: "HTTP_500", times: 5, operation: "DetachMedia" }),
    });
    const since = h.fake.state().log.length;
    const input = {
      shop: SHOP,
      jobId: "job-fallback",
      productId: p.id,
      mediaId: old.id,
      bytes: await png("#c0ffee"),
      mimeType: "image/png",
      filename: "loupe.png",
      kind: "publish" as const,
    };
    await expect(publish.publishMedia(input)).rejects.toThrow();
    const entry = await prisma.mediaLedger.findFirstOrThrow({ where: { jobId: "job-fallback" } });
    expect(entry.state).toBe("uploaded");
    expect(entry.mediaId).not.toBe(old.id); // the new media's id was recorded before the move and the detach
    expect(JSON.parse(entry.variantIds ?? "[]")).toEqual([variant.id]);

    const r = await publish.publishMedia(input); // the retry after the crash
    expect(r.mediaId).toBe(entry.mediaId);
    expect(logOf("AddProductMedia", since)).toHaveLength(1); // added once, across the crash
    const after = h.fake.state().products.find((x) => x.id === p.id)!;
    expect(after.media.map((m) => m.id)).toEqual([entry.mediaId, ...p.media.slice(1).map((m) => m.id)]); // same place, old one gone
    expect(variant.mediaIds).toEqual([entry.mediaId]); // the variant shows the new image
    expect(h.fake.store.data.files[old.id]!.productIds).not.toContain(p.id); // detached, still in Files
    expect((await prisma.mediaLedger.findUniqueOrThrow({ where: { id: entry.id } })).state).toBe("ready");
  });
});

describe("what the fake holds Loupe to", () => {
  it("exchanges session tokens only for shops where the app is installed", async () => {
    const { API_KEY, API_SECRET } = await import("./harness");
    const shop = "gone-jewels.myshopify.com";
    const exchange = () =>
      fetch(`${h.fake.url}/_host/${shop}/admin/oauth/access_token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          client_id: API_KEY,
          client_secret: API_SECRET,
          grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
          subject_token: h.token(shop),
          subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
          requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        }),
      });
    const before = await exchange();
    expect([before.status, ((await before.json()) as { error_description: string }).error_description]).toEqual([
      400,
      "The app is not installed on this shop",
    ]);
    h.fake.store.install(shop);
    const ok = await exchange();
    expect(ok.status).toBe(200);
    const { access_token } = (await ok.json()) as { access_token: string };
    h.fake.store.uninstall(shop);
    expect((await exchange()).status).toBe(400);
    const gql = await fetch(`${h.fake.url}/_host/${shop}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": access_token },
      body: JSON.stringify({ query: "query { shop { name } }" }),
    });
    expect(gql.status).toBe(401);
  });

  it("refuses an image above 20 megapixels (INVALID_IMAGE_RESOLUTION)", async () => {
    const p = h.fake.state().products[3]!;
    const big = await sharp({ create: { width: 5000, height: 4200, channels: 3, background: "#fff" } })
      .jpeg({ quality: 50 })
      .toBuffer();
    const r = publish.publishMedia({
      shop: SHOP,
      jobId: "job-21mp",
      productId: p.id,
      mediaId: p.media[0]!.id,
      bytes: big,
      mimeType: "image/jpeg",
      filename: "big.jpg",
      kind: "publish",
    });
    await expect(r).rejects.toThrow(
      "Shopify rejected the new image: the image resolution is not accepted by Shopify (at most 20 megapixels). Your store still shows the previous image.",
    );
    expect(h.fake.store.data.files[p.media[0]!.id]!.status).toBe("READY"); // acknowledged: the old photo stays
  });

  it("charges a ProductMedia query what Shopify's cost model says (~100 points, not 16)", async () => {
    const client = await clientMod.getAdminClient(SHOP);
    const p = h.fake.state().products[0]!;
    const before = h.fake.store.spent.get(SHOP) ?? 0;
    await pull.listProductImages(client, p.id);
    // product 1 + media connection (2 + 50 × (node 1 + image 1))
    expect((h.fake.store.spent.get(SHOP) ?? 0) - before).toBe(103);
  });
});
