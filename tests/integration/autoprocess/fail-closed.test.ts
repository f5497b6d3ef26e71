// Auto-publish fails closed, end to end against the fake Shopify (publish policy): a new upload whose
// report says part of the piece may be lost (PIECE_AREA_LOST, even as a note), whose guards did not
// run, or whose live photo the merchant replaced while Loupe worked on it is held for review, and the
// photo in Shopify is never written. A clean report still goes live (the gate is not simply shut).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import sharp from "sharp";
import { SHOP, type Harness } from "../shopify/harness";
import { startPublishStack, type PublishStack } from "./publish-stack";
import { jpegEngine } from "./jpeg-engine";
import { addProduct, replacePhoto } from "../../fake-shopify/merchant";
import { productPayload } from "../../fake-shopify/payloads";
import type { AutoProcessor } from "../../../core/autoprocess/scheduler.server";

let h: Harness;
let prisma: PrismaClient;
let processor: AutoProcessor;
let stack: PublishStack;
const engine = jpegEngine();

beforeAll(async () => {
  stack = await startPublishStack(engine, 1);
  ({ h, prisma, processor } = stack);
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(() => {
  engine.warnings = [];
  engine.guardsRan = true;
  engine.onRetouch = null;
});

/** A new product with one photo, announced by products/create; returns once its job has settled. */
async function newUpload(
  title: string,
): Promise<{ mediaId: string; job: { state: string; lastError: string | null; autoPublish: boolean } }> {
  const productId = await addProduct(h.fake.store, { shop: SHOP, title, photos: 1 });
  const mediaId = h.fake.store.data.products[productId]!.mediaIds[0]!;
  const res = await h.fake.deliverWebhook("products/create", SHOP, productPayload(h.fake.store, productId));
  expect(res.status).toBe(200);
  const until = Date.now() + 30_000;
  for (;;) {
    const job = await prisma.imageJob.findFirst({ where: { shop: SHOP, mediaId } });
    if (job && ["review", "published", "failed"].includes(job.state)) return { mediaId, job };
    if (Date.now() > until) throw new Error(`no settled job for ${title}: ${job?.state}`);
    await processor.tick();
    await new Promise((r) => setTimeout(r, 50));
  }
}

const writesTo = (mediaId: string) => prisma.mediaLedger.count({ where: { shop: SHOP, mediaId } });

describe("auto-publish holds anything it cannot vouch for", () => {
  it("PIECE_AREA_LOST, even as a note, holds the image; Shopify's photo is not written", async () => {
    engine.warnings = [
      {
        code: "PIECE_AREA_LOST",
        severity: "note",
        message: "Part of the piece may be gone.",
        value: 0.2,
        threshold: 0.1,
        region: { kind: "image" },
      },
    ];
    const { mediaId, job } = await newUpload("Lost Prong Ring");
    expect([job.state, job.autoPublish]).toEqual(["review", true]);
    expect(job.lastError).toBe("Held for your review: part of the piece may have been cut away (PIECE_AREA_LOST).");
    expect(await writesTo(mediaId)).toBe(0);
    expect(h.fake.store.data.files[mediaId]!.version).toBe(2); // the upload's own processing only
  });

  it("a report without guard results holds the image", async () => {
    engine.guardsRan = false;
    const { mediaId, job } = await newUpload("Unguarded Band");
    expect(job.state).toBe("review");
    expect(job.lastError).toBe("Held for your review: the guards did not run on this image.");
    expect(await writesTo(mediaId)).toBe(0);
  });

  it("a photo the merchant replaced while Loupe retouched it is not overwritten", async () => {
    let replaced: string | null = null;
    engine.onRetouch = async () => {
      if (replaced) return;
      const id = Object.values(h.fake.store.data.products).find((p) => p.title === "Swapped Locket")!.mediaIds[0]!;
      replaced = id;
      replacePhoto(
        h.fake.store,
        id,
        await sharp({ create: { width: 500, height: 500, channels: 3, background: "#223344" } })
          .jpeg()
          .toBuffer(),
      );
      // Shopify finishes processing the merchant's new photo before Loupe publishes.
      await new Promise((r) => setTimeout(r, h.fake.store.settings.processingMs + 100));
      h.fake.store.settle();
    };
    const { mediaId, job } = await newUpload("Swapped Locket");
    expect(job.state).toBe("review");
    expect(job.lastError).toMatch(/^The photo in Shopify changed after Loupe retouched it/);
    expect(await writesTo(mediaId)).toBe(0);
    expect(h.fake.store.data.files[mediaId]!.version).toBe(3); // upload, then the merchant's replacement; nothing of Loupe's
  });

  it("a clean report still publishes", async () => {
    const { mediaId, job } = await newUpload("Clean Solitaire");
    expect(job.state).toBe("published");
    expect(await writesTo(mediaId)).toBe(1);
  });
});
