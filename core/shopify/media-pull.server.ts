// Pulling what Loupe works on: a collection's products and a product's image media, in position
// order across all pages (position = index across ALL media types, as Shopify's moves use it).
import type { AdminClient } from "./graphql-client.server";
import { COLLECTION_PRODUCTS, PRODUCT_MEDIA, PRODUCT_TITLE } from "./operations";
import { ShopifyError } from "./errors";
import { listCollectionProductsBulk } from "./bulk.server";
import type { CollectionProduct, ProductImage } from "./collection-product";

export type { ProductImage };

export { downloadOriginal, isShopifyCdnUrl, sha256Hex } from "./cdn.server";

interface MediaNode {
  id: string;
  alt: string | null;
  mediaContentType: string;
  status: string;
  mimeType?: string | null;
  updatedAt?: string | null;
  createdAt?: string | null;
  image?: { url: string; width: number | null; height: number | null } | null;
}

interface ProductMediaData {
  product: {
    id: string;
    title: string;
    media: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: MediaNode[] };
  } | null;
}

const MAX_PAGES = 500; // 25,000 objects at 50 a page: Shopify's pagination limit

export async function listProductImages(client: AdminClient, productId: string): Promise<ProductImage[]> {
  const out: ProductImage[] = [];
  let after: string | null = null;
  let index = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: ProductMediaData = await client.request<ProductMediaData>(PRODUCT_MEDIA, { id: productId, after });
    if (!data.product)
      throw new ShopifyError("This product no longer exists in your store.", {
        transient: false,
        code: "PRODUCT_NOT_FOUND",
        detail: productId,
      });
    for (const node of data.product.media.nodes) {
      const position = index++;
      if (node.mediaContentType !== "IMAGE") continue;
      out.push({
        mediaId: node.id,
        productId: data.product.id,
        productTitle: data.product.title,
        position,
        alt: node.alt ?? null,
        status: node.status,
        url: node.image?.url ?? null,
        mimeType: node.mimeType ?? null,
        width: node.image?.width ?? null,
        height: node.image?.height ?? null,
        updatedAt: node.updatedAt ?? null,
        createdAt: node.createdAt ?? null,
      });
    }
    const info = data.product.media.pageInfo;
    if (!info.hasNextPage || !info.endCursor) break;
    after = info.endCursor;
  }
  return out;
}

export async function getProductTitle(client: AdminClient, productId: string): Promise<string> {
  const data = await client.request<{ product: { id: string; title: string } | null }>(PRODUCT_TITLE, {
    id: productId,
  });
  if (!data.product)
    throw new ShopifyError("This product no longer exists in your store.", {
      transient: false,
      code: "PRODUCT_NOT_FOUND",
      detail: productId,
    });
  return data.product.title;
}

interface CollectionProductsData {
  collection: {
    id: string;
    title: string;
    productsCount: { count: number; precision: string } | null;
    products: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ id: string; title: string }>;
    };
  } | null;
}

/** Collections above this many products are read with a bulk operation (LOUPE_BULK_THRESHOLD, default 1000). */
export function bulkThreshold(): number {
  const v = Number(process.env.LOUPE_BULK_THRESHOLD);
  return Number.isFinite(v) && v > 0 ? v : 1000;
}

/** Every product of a collection: page by page (50 a page), or one bulk operation for large collections
 *  (which also carries every product's media: no media query per product). */
export async function listCollectionProducts(client: AdminClient, collectionId: string): Promise<CollectionProduct[]> {
  const out: CollectionProduct[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: CollectionProductsData = await client.request<CollectionProductsData>(COLLECTION_PRODUCTS, {
      id: collectionId,
      after,
    });
    if (!data.collection)
      throw new ShopifyError("This collection no longer exists in your store.", {
        transient: false,
        code: "COLLECTION_NOT_FOUND",
        detail: collectionId,
      });
    if (
      page === 0 &&
      data.collection.products.pageInfo.hasNextPage &&
      (data.collection.productsCount?.count ?? 0) > bulkThreshold()
    ) {
      return listCollectionProductsBulk(client, collectionId);
    }
    out.push(...data.collection.products.nodes.map((n) => ({ id: n.id, title: n.title })));
    const info = data.collection.products.pageInfo;
    if (!info.hasNextPage || !info.endCursor) break;
    after = info.endCursor;
  }
  return out;
}

/** The collection's title and product count (one cheap call), to decide between paging and bulk. */
export async function getCollectionSummary(
  client: AdminClient,
  collectionId: string,
): Promise<{ title: string; count: number } | null> {
  const data = await client.request<CollectionProductsData>(COLLECTION_PRODUCTS, { id: collectionId, after: null });
  if (!data.collection) return null;
  return {
    title: data.collection.title,
    count: data.collection.productsCount?.count ?? data.collection.products.nodes.length,
  };
}
