// What the worker needs from the outside world: Shopify (pull, download, publish) and the engine.
// The real ones by default; tests pass fakes with faults in them.
import type { ProductImage } from "../../core/shopify/media-pull.server";
import type { PublishInput, PublishResult } from "../../core/shopify/publish.server";
import type { Download } from "../../core/shopify/cdn.server";
import type { RetouchOutput, RetouchSettings } from "../retouch";

export type { ProductImage, PublishInput, PublishResult, Download, RetouchOutput, RetouchSettings };

export interface ShopifyPort {
  /** The collection's title (null when unknown) and its products. */
  /** Products may carry their images already (the bulk path): then the pull lists no media per product. */
  listCollection(
    shop: string,
    collectionId: string,
  ): Promise<{ title: string | null; products: Array<{ id: string; title: string; images?: ProductImage[] }> }>;
  listProductImages(shop: string, productId: string): Promise<ProductImage[]>;
  downloadOriginal(url: string): Promise<Download>;
  publishMedia(input: PublishInput): Promise<PublishResult>;
}

export interface EnginePort {
  /** `timeoutMs`: past it the engine stops working on this image and rejects (EngineTimeoutError). */
  retouch(
    input: Uint8Array,
    settings?: Partial<RetouchSettings>,
    opts?: { timeoutMs?: number },
  ): Promise<RetouchOutput>;
  close(): Promise<void>;
}

export interface WorkerDeps {
  shopify: ShopifyPort;
  engine: EnginePort;
}

export async function realShopify(): Promise<ShopifyPort> {
  const [{ getAdminClient }, pull, { publishMedia }] = await Promise.all([
    import("../../core/shopify/admin-client.server"),
    import("../../core/shopify/media-pull.server"),
    import("../../core/shopify/publish.server"),
  ]);
  return {
    async listCollection(shop, collectionId) {
      const client = await getAdminClient(shop);
      const [summary, products] = await Promise.all([
        pull.getCollectionSummary(client, collectionId),
        pull.listCollectionProducts(client, collectionId),
      ]);
      return { title: summary?.title ?? null, products };
    },
    async listProductImages(shop, productId) {
      return pull.listProductImages(await getAdminClient(shop), productId);
    },
    downloadOriginal: (url) => pull.downloadOriginal(url, { maxBytes: 40 * 1024 * 1024 }),
    publishMedia: (input) => publishMedia(input),
  };
}

export async function realEngine(threads?: number): Promise<EnginePort> {
  const { EnginePool } = await import("../retouch");
  const pool = new EnginePool({ threads, modelPath: process.env.LOUPE_MODEL_PATH || undefined });
  return { retouch: (input, settings, o) => pool.retouch(input, settings, o), close: () => pool.close() };
}
