// What a merchant does in the Shopify admin, for tests and the demo: add a product with photos, or
// replace a photo. Like Shopify, new media start UPLOADED/PROCESSING, products/create is sent at once
// and products/update once the media are READY (through the store's onProductChanged hook).
import { renderPhoto, type PieceKind } from "./catalog-render";
import type { FakeStore } from "./store";

export interface NewProduct {
  shop: string;
  title: string;
  photos?: number;
  kind?: PieceKind;
  collectionId?: string;
}

export async function addProduct(store: FakeStore, p: NewProduct): Promise<string> {
  const id = store.nextId("Product");
  const photos: Buffer[] = [];
  for (let k = 0; k < (p.photos ?? 1); k++) {
    photos.push(
      await renderPhoto({
        kind: p.kind ?? "ring",
        metal: k % 2 ? "yellow" : "rose",
        gem: "diamond",
        size: 1200,
        seed: Number(id.split("/").pop()) * 7 + k,
        angle: k * 9,
      }),
    );
  }
  // Processing starts once the photos are uploaded (rendering them is not Shopify's time).
  const now = Date.now();
  const iso = new Date(now).toISOString();
  const mediaIds: string[] = [];
  for (const [k, bytes] of photos.entries()) {
    const sha = store.putBlob(bytes);
    const fid = store.nextId("MediaImage");
    const filename = `${p.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${k + 1}.jpg`;
    store.data.files[fid] = {
      id: fid,
      shop: p.shop,
      alt: p.title,
      mimeType: "image/jpeg",
      width: 1200,
      height: 1200,
      blobSha: sha,
      version: 1,
      filename,
      status: "UPLOADED",
      pending: {
        blobSha: sha,
        mimeType: "image/jpeg",
        width: 1200,
        height: 1200,
        filename,
        readyAt: now + store.settings.processingMs,
        fail: false,
      },
      errors: [],
      productIds: [id],
      createdAt: iso,
      updatedAt: iso,
    };
    mediaIds.push(fid);
  }
  store.data.products[id] = {
    id,
    shop: p.shop,
    title: p.title,
    handle: p.title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    tags: [],
    productType: "Jewelry",
    vendor: "Loupe Demo Jewelers",
    mediaIds,
    variants: [{ id: store.nextId("ProductVariant"), title: "Default Title", price: "199.00", mediaIds: [] }],
    createdAt: iso,
    updatedAt: iso,
  };
  if (p.collectionId) store.data.collections[p.collectionId]?.productIds.push(id);
  store.markDirty();
  return id;
}

/** The merchant replaces a photo's bytes in the admin (same media id, new version). */
export function replacePhoto(store: FakeStore, mediaId: string, bytes: Buffer): void {
  const f = store.data.files[mediaId];
  if (!f) throw new Error(`no media ${mediaId}`);
  f.pending = {
    blobSha: store.putBlob(bytes),
    mimeType: f.mimeType,
    width: f.width,
    height: f.height,
    filename: f.filename,
    readyAt: Date.now() + store.settings.processingMs,
    fail: false,
  };
  f.updatedAt = new Date().toISOString();
  store.markDirty();
}

/** The merchant adds a photo to an existing product: a new media, processing first (products/update
 *  follows once it is READY, through the store's settle). Returns the new media id. */
export function addPhoto(
  store: FakeStore,
  productId: string,
  bytes: Buffer,
  opts: { width?: number; height?: number; filename?: string } = {},
): string {
  const p = store.data.products[productId];
  if (!p) throw new Error(`no product ${productId}`);
  const sha = store.putBlob(bytes);
  const fid = store.nextId("MediaImage");
  const now = Date.now();
  const iso = new Date(now).toISOString();
  const width = opts.width ?? 640;
  const height = opts.height ?? 640;
  const filename = opts.filename ?? `${p.handle}-${p.mediaIds.length + 1}.jpg`;
  store.data.files[fid] = {
    id: fid,
    shop: p.shop,
    alt: p.title,
    mimeType: "image/jpeg",
    width,
    height,
    blobSha: sha,
    version: 1,
    filename,
    status: "UPLOADED",
    pending: {
      blobSha: sha,
      mimeType: "image/jpeg",
      width,
      height,
      filename,
      readyAt: now + store.settings.processingMs,
      fail: false,
    },
    errors: [],
    productIds: [productId],
    createdAt: iso,
    updatedAt: iso,
  };
  p.mediaIds.push(fid);
  p.updatedAt = iso;
  store.markDirty();
  return fid;
}

/** The merchant changes a variant's price: the product changes, its photos do not. */
export function editPrice(store: FakeStore, productId: string, price: string): void {
  const p = store.data.products[productId];
  if (!p) throw new Error(`no product ${productId}`);
  for (const v of p.variants) v.price = price;
  p.updatedAt = new Date().toISOString();
  store.markDirty();
}
