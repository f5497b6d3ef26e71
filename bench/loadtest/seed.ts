// Seeds the fake Shopify for the load test: shop A with one big collection (1,000 images by
// default), shops B–D each with two small collections (one for the idle run, one for the loaded
// run, so the second never reuses the first's results). Photos come from the fake's own jewelry
// renderer; a few dozen distinct renders are reused across products (each media is its own work).
import { renderPhoto, type PhotoSpec } from "../../tests/fake-shopify/catalog-render";
import type { FakeStore } from "../../tests/fake-shopify/server";

export interface SeededCollection {
  shop: string;
  id: string;
  title: string;
  mediaIds: string[];
}

const KINDS: Array<Omit<PhotoSpec, "size" | "seed">> = [
  { kind: "ring", metal: "rose", gem: "diamond" },
  { kind: "hoops", metal: "white" },
  { kind: "pendant", metal: "yellow", gem: "emerald" },
  { kind: "bracelet", metal: "white", gem: "sapphire" },
  { kind: "studs", metal: "rose", gem: "diamond" },
  { kind: "ring", metal: "yellow", gem: "ruby" },
];

export async function renderPool(count: number, size: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) out.push(await renderPhoto({ ...KINDS[i % KINDS.length]!, size, seed: 5000 + i }));
  return out;
}

/** One collection of `images` photos on `shop`, `perProduct` photos per product. */
export function seedCollection(
  store: FakeStore,
  shop: string,
  title: string,
  images: number,
  perProduct: number,
  photos: Buffer[],
  size: number,
): SeededCollection {
  const now = new Date().toISOString();
  const collectionId = store.nextId("Collection");
  const productIds: string[] = [];
  const mediaIds: string[] = [];
  for (let p = 0; p * perProduct < images; p++) {
    const id = store.nextId("Product");
    productIds.push(id);
    const mine: string[] = [];
    for (let k = 0; k < perProduct && p * perProduct + k < images; k++) {
      const n = p * perProduct + k;
      const fid = store.nextId("MediaImage");
      store.data.files[fid] = {
        id: fid,
        shop,
        alt: `${title} ${p + 1} view ${k + 1}`,
        mimeType: "image/jpeg",
        width: size,
        height: size,
        blobSha: store.putBlob(photos[n % photos.length]!),
        version: 1,
        filename: `lt-${p + 1}-${k + 1}.jpg`,
        status: "READY",
        pending: null,
        errors: [],
        productIds: [id],
        createdAt: now,
        updatedAt: now,
      };
      mine.push(fid);
    }
    mediaIds.push(...mine);
    store.data.products[id] = {
      id,
      shop,
      title: `${title} product ${p + 1}`,
      handle: `${title.toLowerCase().replace(/\W+/g, "-")}-${p + 1}`,
      tags: ["loadtest"],
      productType: "Ring",
      vendor: "Loadtest Jewelers",
      mediaIds: mine,
      variants: [{ id: store.nextId("ProductVariant"), title: "Default", price: "100.00", mediaIds: mine.slice(0, 1) }],
      createdAt: now,
      updatedAt: now,
    };
  }
  store.data.collections[collectionId] = {
    id: collectionId,
    shop,
    title,
    handle: title.toLowerCase().replace(/\W+/g, "-"),
    productIds,
  };
  store.markDirty();
  return { shop, id: collectionId, title, mediaIds };
}
