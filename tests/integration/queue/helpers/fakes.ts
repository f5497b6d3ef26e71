// In-memory stand-ins for Shopify and the engine, with faults on demand, for the queue contract.
// The real Shopify helper and engine are exercised by the crash and bullmq system tests.
import { engineReport } from "../../../fixtures/engine-report";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { ShopifyError } from "../../../../core/shopify/errors";
import { RetouchInputError } from "../../../../workers/retouch/errors";
import type { EnginePort, ProductImage, PublishInput, ShopifyPort, RetouchOutput } from "../../../../workers/jobs/deps";
import type { RetouchSettings } from "../../../../workers/retouch/contract";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export const productGid = (n: number) => `gid://shopify/Product/${n}`;
export const mediaGid = (p: number, i: number) => `gid://shopify/MediaImage/${p * 1000 + i}`;

export class FakeShopify implements ShopifyPort {
  /** shop → productId → images */
  readonly catalog = new Map<string, Map<string, ProductImage[]>>();
  readonly collections = new Map<string, string[]>();
  readonly downloads: string[] = [];
  readonly publishes: Array<PublishInput & { sha256: string }> = [];
  /** Writes that reached "Shopify" once per (jobId, kind, sha256), as the MediaLedger guarantees. */
  readonly written = new Map<string, number>();
  /** media id → failures to throw on download (transient) before succeeding */
  readonly downloadFaults = new Map<string, number>();
  /** media id → write then throw a transient error this many times (a crash after the write) */
  readonly publishFaults = new Map<string, number>();

  addProduct(shop: string, productNumber: number, images: number, title = `Ring ${productNumber}`): string {
    const id = productGid(productNumber);
    const list: ProductImage[] = Array.from({ length: images }, (_, i) => ({
      mediaId: mediaGid(productNumber, i),
      productId: id,
      productTitle: title,
      position: i,
      alt: null,
      status: "READY",
      url: `https://cdn.shopify.com/s/files/${shop}/${productNumber}-${i}.jpg`,
      mimeType: "image/jpeg",
      width: 100,
      height: 100,
    }));
    if (!this.catalog.has(shop)) this.catalog.set(shop, new Map());
    this.catalog.get(shop)!.set(id, list);
    return id;
  }

  async listCollection(_shop: string, collectionId: string) {
    return {
      title: `Collection ${collectionId.split("/").pop()}`,
      products: (this.collections.get(collectionId) ?? []).map((id) => ({ id, title: "" })),
    };
  }

  async listProductImages(shop: string, productId: string) {
    return this.catalog.get(shop)?.get(productId) ?? [];
  }

  async downloadOriginal(url: string) {
    this.downloads.push(url);
    const media = this.mediaForUrl(url);
    const left = this.downloadFaults.get(media) ?? 0;
    if (left > 0) {
      this.downloadFaults.set(media, left - 1);
      throw new ShopifyError("Shopify's image server did not return the photo; Loupe will try again.", {
        transient: true,
        code: "HTTP_503",
      });
    }
    const bytes = Buffer.from(`photo:${url}`);
    return { bytes, sha256: sha(bytes), contentType: "image/jpeg" };
  }

  async publishMedia(input: PublishInput) {
    const s = sha(input.bytes);
    const key = `${input.jobId}|${input.kind}|${s}`;
    const already = this.written.has(key);
    this.publishes.push({ ...input, sha256: s });
    if (!already) this.written.set(key, 1);
    const left = this.publishFaults.get(input.mediaId) ?? 0;
    if (left > 0) {
      this.publishFaults.set(input.mediaId, left - 1);
      throw new ShopifyError("Shopify did not confirm the new image in time; Loupe will check again.", {
        transient: true,
        code: "NOT_READY",
      });
    }
    return { url: `https://cdn.shopify.com/written/${s}.jpg`, sha256: s, alreadyDone: already, mediaId: input.mediaId };
  }

  private mediaForUrl(url: string): string {
    for (const products of this.catalog.values())
      for (const list of products.values()) for (const m of list) if (m.url === url) return m.mediaId;
    return "";
  }
}

async function tinyJpeg(seed: string): Promise<Buffer> {
  const [r, g, b] = createHash("sha256").update(seed).digest();
  return sharp({ create: { width: 8, height: 8, channels: 3, background: { r: r!, g: g!, b: b! } } })
    .jpeg()
    .toBuffer();
}

export class FakeEngine implements EnginePort {
  readonly calls: Array<{ input: string; at: number; disabledSpots?: number[]; settings?: Partial<RetouchSettings> }> =
    [];
  running = 0;
  maxRunning = 0;
  constructor(
    public delayMs = 5,
    /** input text containing this → RetouchInputError (permanent) */
    public badInput: string | null = null,
    /** input text containing this → a warning-severity guard warning */
    public warnOn: string | null = null,
    /** input text containing this → never answers (a stuck image) */
    public hangOn: string | null = null,
  ) {}

  async retouch(input: Uint8Array, settings?: Partial<RetouchSettings>): Promise<RetouchOutput> {
    const text = Buffer.from(input).toString();
    this.calls.push({ input: text, at: Date.now(), disabledSpots: settings?.disabledSpots, settings });
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      if (this.hangOn && text.includes(this.hangOn)) await new Promise(() => undefined);
      await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.badInput && text.includes(this.badInput))
        throw new RetouchInputError("CORRUPT", "This photo file is damaged; upload it again in Shopify.");
      const warnings =
        this.warnOn && text.includes(this.warnOn)
          ? [
              {
                code: "METAL_TONE_SHIFT",
                severity: "warning" as const,
                message: "The metal looks warmer than in the original.",
                value: 3.1,
                threshold: 2,
                region: { kind: "image" as const },
              },
            ]
          : [
              {
                code: "NOTE",
                severity: "note" as const,
                message: "Dust removed.",
                value: 1,
                threshold: 0,
                region: { kind: "image" as const },
              },
            ];
      return {
        cutoutPng: Buffer.from(`cutout:${text}:${JSON.stringify(settings?.disabledSpots ?? [])}`),
        // A real (tiny) JPEG, one color per input and spots: publishing checks format and size like Shopify.
        composite: await tinyJpeg(`composite:${text}:${JSON.stringify(settings?.disabledSpots ?? [])}`),
        compositeMime: "image/jpeg",
        compositeExt: "jpg",
        thumbnail: Buffer.from(`thumb:${text}`),
        width: 100,
        height: 100,
        report: engineReport(100, 100, warnings),
      };
    } finally {
      this.running--;
    }
  }

  async close() {}
}
