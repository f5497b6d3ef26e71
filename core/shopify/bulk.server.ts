// Large collections through bulkOperationRunQuery: start the bulk query, wait for it to finish
// (bulk_operations/finish webhook → a worker task wakes the wait in that worker; polling bulkOperation(id:) with
// backoff is the fallback across processes), then read the JSONL result.
import { EventEmitter } from "node:events";
import type { AdminClient } from "./graphql-client.server";
import { ShopifyError, userErrorsMessage } from "./errors";
import { BULK_STATUS, RUN_BULK, bulkCollectionProductsQuery } from "./operations";
import type { CollectionProduct } from "./collection-product";

const finished = new EventEmitter();
finished.setMaxListeners(100);

export function notifyBulkFinished(shop: string, bulkId: string): void {
  finished.emit(`${shop} ${bulkId}`);
}

interface BulkStatus {
  id: string;
  status: string;
  errorCode: string | null;
  objectCount: string;
  url: string | null;
  partialDataUrl: string | null;
}

export async function startBulkQuery(client: AdminClient, query: string): Promise<string> {
  const data = await client.request<{
    bulkOperationRunQuery: {
      bulkOperation: { id: string; status: string } | null;
      userErrors: Array<{ message: string; code?: string | null }>;
    };
  }>(RUN_BULK, { query });
  const err = userErrorsMessage(data.bulkOperationRunQuery.userErrors);
  if (err || !data.bulkOperationRunQuery.bulkOperation) {
    const busy = data.bulkOperationRunQuery.userErrors.some((e) => e.code === "OPERATION_IN_PROGRESS");
    throw new ShopifyError(
      busy
        ? "Shopify is already running several exports for this store; Loupe will try again shortly."
        : `Shopify did not start the export: ${err}`,
      { transient: busy, code: "BULK_REJECTED" },
    );
  }
  return data.bulkOperationRunQuery.bulkOperation.id;
}

export async function waitForBulk(
  client: AdminClient,
  id: string,
  opts: { scale?: number; timeoutMs?: number } = {},
): Promise<BulkStatus> {
  const scale = opts.scale ?? (Number(process.env.LOUPE_SHOPIFY_POLL_SCALE) || 1);
  const deadline = Date.now() + (opts.timeoutMs ?? 30 * 60_000);
  for (let attempt = 0; ; attempt++) {
    const { bulkOperation: b } = await client.request<{ bulkOperation: BulkStatus | null }>(BULK_STATUS, { id });
    if (!b) throw new ShopifyError("Shopify lost track of the export.", { transient: true, code: "BULK_MISSING" });
    if (b.status === "COMPLETED") return b;
    if (["FAILED", "CANCELED", "CANCELLED", "EXPIRED"].includes(b.status)) {
      throw new ShopifyError(
        `Shopify's export of the collection ${b.status.toLowerCase()}${b.errorCode ? ` (${b.errorCode})` : ""}.`,
        { transient: b.errorCode === "INTERNAL_SERVER_ERROR", code: `BULK_${b.status}` },
      );
    }
    if (Date.now() > deadline)
      throw new ShopifyError("Shopify's export of the collection is taking too long; Loupe will try again later.", {
        transient: true,
        code: "BULK_TIMEOUT",
      });
    const delay = Math.min(30_000, 1000 * 2 ** attempt) * scale;
    await new Promise<void>((resolve) => {
      const key = `${client.shop} ${id}`;
      const done = () => {
        clearTimeout(t);
        finished.off(key, done);
        resolve();
      };
      const t = setTimeout(done, delay);
      finished.once(key, done);
    });
  }
}

/** Reads a bulk result (JSONL): the top-level objects, each with its children (lines whose __parentId
 *  is its id), in file order. */
export async function readBulk<T, C>(url: string | null): Promise<Array<{ root: T; children: C[] }>> {
  if (!url) return [];
  const res = await fetch(url);
  if (!res.ok)
    throw new ShopifyError("Loupe could not read Shopify's export of the collection.", {
      transient: true,
      code: `BULK_READ_${res.status}`,
    });
  const out: Array<{ root: T; children: C[] }> = [];
  const byId = new Map<string, { root: T; children: C[] }>();
  for (const line of (await res.text()).split("\n")) {
    if (!line.trim()) continue;
    const obj = JSON.parse(line) as { id?: string; __parentId?: string };
    if (obj.__parentId) byId.get(obj.__parentId)?.children.push(obj as C);
    else {
      const entry = { root: obj as T, children: [] as C[] };
      out.push(entry);
      if (obj.id) byId.set(obj.id, entry);
    }
  }
  return out;
}

/** Reads a bulk result (JSONL) and returns the top-level objects (lines without __parentId). */
export async function readBulkRoots<T>(url: string | null): Promise<T[]> {
  return (await readBulk<T, unknown>(url)).map((e) => e.root);
}

interface BulkMedia {
  id: string;
  alt: string | null;
  mediaContentType: string;
  status: string;
  mimeType?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  image?: { url: string; width: number | null; height: number | null } | null;
}

/** Every product of a large collection with its image media, from ONE bulk operation. */
export async function listCollectionProductsBulk(
  client: AdminClient,
  collectionId: string,
  opts: { scale?: number } = {},
): Promise<CollectionProduct[]> {
  const numeric = collectionId.split("/").pop() ?? "";
  const id = await startBulkQuery(client, bulkCollectionProductsQuery(numeric));
  const done = await waitForBulk(client, id, opts);
  return (await readBulk<{ id: string; title: string }, BulkMedia>(done.url)).map(({ root, children }) => ({
    id: root.id,
    title: root.title,
    images: children.flatMap((m, position) =>
      m.mediaContentType !== "IMAGE"
        ? []
        : [
            {
              mediaId: m.id,
              productId: root.id,
              productTitle: root.title,
              position,
              alt: m.alt ?? null,
              status: m.status,
              url: m.image?.url ?? null,
              mimeType: m.mimeType ?? null,
              width: m.image?.width ?? null,
              height: m.image?.height ?? null,
              updatedAt: m.updatedAt ?? null,
              createdAt: m.createdAt ?? null,
            },
          ],
    ),
  }));
}
