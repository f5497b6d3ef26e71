// Counts what a retouch would cover, through any function shaped like shopify.query().
import { COLLECTION_SUMMARY_QUERY, NODES_PER_CALL, PRODUCTS_SUMMARY_QUERY } from "./summary-queries";
import { msg, type Msg } from "./messages";

export type QueryFn = (
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<{ data?: unknown; errors?: ReadonlyArray<{ message: string }> }>;

export interface Summary {
  title: string | null;
  products: number;
  /** Media on those products (images, plus any video/3D, which Loupe skips): an upper bound of the images. */
  images: number;
  /** False when a count is a lower bound (Shopify's AT_LEAST precision, or a collection too big to page through). */
  exact: boolean;
  /** Products whose media were counted (less than `products` for a big collection). */
  counted: number;
}

export class SummaryError extends Error {}

interface Count {
  count: number;
  precision?: string;
}
interface ProductNode {
  id?: string;
  mediaCount?: Count | null;
}

const num = (c: Count | null | undefined) => (c && typeof c.count === "number" && c.count >= 0 ? c.count : 0);
const isExact = (c: Count | null | undefined) => !c || c.precision === undefined || c.precision === "EXACT";

function check(r: { data?: unknown; errors?: ReadonlyArray<{ message: string }> }): Record<string, unknown> {
  if (r.errors && r.errors.length > 0) throw new SummaryError(r.errors.map((e) => e.message).join("; "));
  if (!r.data || typeof r.data !== "object") throw new SummaryError("Shopify returned no data");
  return r.data as Record<string, unknown>;
}

/** A collection: its product count, and its products' media counts over at most `maxPages` pages. */
export async function loadCollectionSummary(query: QueryFn, collectionId: string, maxPages = 4): Promise<Summary> {
  let after: string | null = null;
  let images = 0;
  let counted = 0;
  let exact = true;
  let products = 0;
  let title: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const data = check(await query(COLLECTION_SUMMARY_QUERY, { variables: { id: collectionId, after } }));
    const c = data.collection as {
      title?: string;
      productsCount?: Count;
      products?: { pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; nodes?: ProductNode[] };
    } | null;
    if (!c) throw new SummaryError(`collection ${collectionId} not found`);
    if (page === 0) {
      title = typeof c.title === "string" ? c.title : null;
      products = num(c.productsCount);
      exact = isExact(c.productsCount);
    }
    for (const n of c.products?.nodes ?? []) {
      counted++;
      images += num(n.mediaCount);
      if (!isExact(n.mediaCount)) exact = false;
    }
    const info = c.products?.pageInfo;
    if (!info?.hasNextPage || !info.endCursor)
      return { title, products: Math.max(products, counted), images, exact, counted };
    after = info.endCursor;
  }
  return { title, products: Math.max(products, counted), images, exact: false, counted };
}

/** Selected products (the admin's selection): their media counts, 250 ids per call. */
export async function loadProductsSummary(query: QueryFn, productIds: string[]): Promise<Summary> {
  const ids = [...new Set(productIds)];
  let products = 0;
  let images = 0;
  let exact = true;
  for (let i = 0; i < ids.length; i += NODES_PER_CALL) {
    const data = check(await query(PRODUCTS_SUMMARY_QUERY, { variables: { ids: ids.slice(i, i + NODES_PER_CALL) } }));
    for (const n of (data.nodes as Array<ProductNode | null>) ?? []) {
      if (!n || typeof n.id !== "string") continue; // deleted meanwhile, or not a product
      products++;
      images += num(n.mediaCount);
      if (!isExact(n.mediaCount)) exact = false;
    }
  }
  return { title: null, products, images, exact, counted: products };
}

export type SummaryView =
  | { kind: "ready"; summary: Summary; lines: Msg[] }
  | { kind: "nothing"; message: Msg }
  | { kind: "error"; message: Msg };

/** What the extension shows before the merchant starts the batch. */
export function summaryView(s: Summary, scope: "collection" | "products"): SummaryView {
  if (s.products === 0) return { kind: "nothing", message: msg("nothingNoProducts") };
  if (s.images === 0 && s.exact) return { kind: "nothing", message: msg("nothingNoImages") };
  const lines: Msg[] = [
    scope === "collection"
      ? msg("summaryCollection", { count: s.products, title: s.title ?? "" })
      : msg("summaryProducts", { count: s.products }),
    msg(s.exact ? "summaryImages" : "summaryImagesAtLeast", { count: s.images }),
  ];
  if (s.counted < s.products) lines.push(msg("summaryAtLeast", { counted: s.counted }));
  return { kind: "ready", summary: s, lines };
}

export function summaryErrorView(): SummaryView {
  return { kind: "error", message: msg("countFailed") };
}
