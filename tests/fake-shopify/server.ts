// The fake Shopify: one HTTP server on 127.0.0.1 standing in for every Shopify host the app talks to.
// Requests arrive as /_host/<hostname>/<path> (see core/shopify/fetch-routing.server.ts):
//   <shop>.myshopify.com   /admin/api/2026-10/graphql.json, /admin/oauth/access_token
//   cdn.shopify.com        /s/files/… image bytes
//   shopify-staged-uploads.storage.googleapis.com   staged upload POSTs, bulk results
// Test controls: GET /_fake/state, POST/DELETE /_fake/faults ({kind, operation?, times?}),
// POST /_fake/settings ({processingMs, tokenTtlSec, bucket}), POST /_fake/webhook ({topic, shop, payload |
// productId, eventId?, forge?, unsigned?}), POST /_fake/products ({title, photos?, collectionId?}).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleGraphql, type JsonReply } from "./graphql-endpoint";
import { handleAccessToken, type AppCreds } from "./oauth";
import { bulkFinishPayload, productPayload } from "./payloads";
import { addProduct } from "./merchant";
import { seedDemo } from "./seed";
import { FakeStore, type Fault, type FaultKind, type StoreSettings } from "./store";
import { receiveUpload, STAGED_HOST } from "./uploads";
import { deliverWebhook as send, type DeliverOptions } from "./webhooks";

export { FakeStore } from "./store";
export { DEMO_SHOP } from "./seed";

export interface FakeShopifyOptions {
  port?: number;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  seed?: "demo" | "empty";
  statePath?: string;
  /** Send products/update (after writes) and bulk_operations/finish to the app (default true). */
  autoWebhooks?: boolean;
  scopes?: string;
  /** Side of the smallest demo photo in pixels (default 1200; the others are 200 and 400 px larger). */
  photoSize?: number;
}

export interface FakeShopify {
  url: string;
  close(): Promise<void>;
  store: FakeStore;
  deliverWebhook(topic: string, shop: string, payload: unknown, opts?: DeliverOptions): Promise<Response>;
  /** Webhooks sent automatically, with the app's answer status. */
  sentWebhooks: Array<{ topic: string; shop: string; status: number; eventId: string }>;
  state(): FakeStateView;
}

export interface FakeStateView {
  collections: Array<{ id: string; title: string; productIds: string[] }>;
  products: Array<{
    id: string;
    title: string;
    media: Array<{ id: string; alt: string; position: number; sha256: string; status: string; url: string }>;
  }>;
  log: Array<{
    operation: string;
    at: string;
    status?: number;
    throttled?: boolean;
    fault?: string;
    errors?: string[];
  }>;
}

export function stateView(store: FakeStore): FakeStateView {
  store.settle();
  return {
    collections: Object.values(store.data.collections).map((c) => ({
      id: c.id,
      title: c.title,
      productIds: [...c.productIds],
    })),
    products: Object.values(store.data.products).map((p) => ({
      id: p.id,
      title: p.title,
      media: p.mediaIds.map((id, position) => {
        const f = store.data.files[id]!;
        return {
          id,
          alt: f.alt,
          position,
          sha256: f.blobSha,
          status: f.pending ? "PROCESSING" : f.status,
          url: store.cdnUrl(f),
        };
      }),
    })),
    log: store.data.log.map((l) => ({
      operation: l.operation,
      at: l.at,
      status: l.status,
      ...(l.throttled ? { throttled: true } : {}),
      ...(l.fault ? { fault: l.fault } : {}),
      ...(l.errors ? { errors: l.errors } : {}),
    })),
  };
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const method = req.method ?? "GET";
  return new Request(new URL(req.url ?? "/", base), {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
  });
}

function sendJson(res: ServerResponse, reply: JsonReply) {
  res.writeHead(reply.status, { "Content-Type": "application/json", ...(reply.headers ?? {}) });
  res.end(JSON.stringify(reply.body));
}

export async function startFakeShopify(opts: FakeShopifyOptions): Promise<FakeShopify> {
  const store = new FakeStore(opts.statePath);
  const loaded = store.load();
  if (!loaded && (opts.seed ?? "demo") === "demo")
    await seedDemo(store, opts.photoSize ? { size: opts.photoSize } : {});
  if (opts.statePath) store.flush();
  const creds: AppCreds = {
    apiKey: opts.apiKey,
    apiSecret: opts.apiSecret,
    scopes: opts.scopes ?? "write_products,write_files",
  };
  const sentWebhooks: FakeShopify["sentWebhooks"] = [];
  const auto = opts.autoWebhooks ?? true;

  const deliver = (topic: string, shop: string, payload: unknown, o: DeliverOptions = {}) =>
    send(opts.appUrl, opts.apiSecret, topic, shop, payload, o);
  const autoSend = (topic: string, shop: string, payload: unknown) => {
    if (!auto) return;
    const eventId = crypto.randomUUID();
    deliver(topic, shop, payload, { eventId })
      .then(async (r) => {
        await r.body?.cancel();
        sentWebhooks.push({ topic, shop, status: r.status, eventId });
      })
      .catch(() => sentWebhooks.push({ topic, shop, status: 0, eventId }));
  };
  const pendingProductHooks = new Map<string, NodeJS.Timeout>();
  store.onProductChanged = (shop, productId) => {
    // Shopify collapses nothing, but a tiny delay keeps one webhook per settle burst.
    clearTimeout(pendingProductHooks.get(productId));
    pendingProductHooks.set(
      productId,
      setTimeout(() => {
        pendingProductHooks.delete(productId);
        autoSend("products/update", shop, productPayload(store, productId));
      }, 20),
    );
  };
  store.onBulkFinished = (shop, bulkId) => autoSend("bulk_operations/finish", shop, bulkFinishPayload(store, bulkId));
  const ticker = setInterval(() => store.settle(), 50);
  ticker.unref();

  const server = createServer((req, res) => {
    void (async () => {
      const base = `http://${req.headers.host ?? "127.0.0.1"}`;
      const url = new URL(req.url ?? "/", base);
      try {
        if (url.pathname === "/_fake/state" && req.method === "GET")
          return sendJson(res, { status: 200, body: stateView(store) });
        if (url.pathname === "/_fake/faults") {
          const r = await toRequest(req, base);
          if (req.method === "DELETE") store.faults = [];
          else {
            const f = (await r.json()) as { kind: FaultKind; operation?: string; times?: number };
            store.faults.push({ kind: f.kind, operation: f.operation, times: f.times ?? 1 } satisfies Fault);
          }
          return sendJson(res, { status: 200, body: { faults: store.faults } });
        }
        if (url.pathname === "/_fake/settings" && req.method === "POST") {
          const r = await toRequest(req, base);
          Object.assign(store.settings, (await r.json()) as Partial<StoreSettings>);
          return sendJson(res, { status: 200, body: store.settings });
        }
        if (url.pathname === "/_fake/products" && req.method === "POST") {
          // A merchant adds a product with photos: products/create now, products/update when READY.
          const r = await toRequest(req, base);
          const b = (await r.json()) as { shop?: string; title?: string; photos?: number; collectionId?: string };
          const shop = b.shop ?? "loupe-demo.myshopify.com";
          const id = await addProduct(store, {
            shop,
            title: b.title ?? "New Ring",
            photos: b.photos,
            collectionId: b.collectionId,
          });
          autoSend("products/create", shop, productPayload(store, id));
          return sendJson(res, { status: 201, body: { id } });
        }
        if (url.pathname === "/_fake/webhook" && req.method === "POST") {
          const r = await toRequest(req, base);
          const w = (await r.json()) as {
            topic: string;
            shop: string;
            payload?: unknown;
            productId?: string;
          } & DeliverOptions;
          const payload = w.payload ?? (w.productId ? productPayload(store, w.productId) : {});
          const out = await deliver(w.topic, w.shop, payload, w);
          return sendJson(res, { status: 200, body: { status: out.status } });
        }
        const m = /^\/_host\/([^/]+)(\/.*)$/.exec(url.pathname);
        if (!m) return sendJson(res, { status: 404, body: { errors: "Not Found" } });
        const host = m[1]!;
        const path = m[2]!;
        if (host.endsWith(".myshopify.com")) {
          const gql = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(path);
          if (gql && req.method === "POST")
            return sendJson(res, await handleGraphql(store, host, gql[1]!, await toRequest(req, base)));
          if (path === "/admin/oauth/access_token" && req.method === "POST")
            return sendJson(res, await handleAccessToken(store, host, creds, await toRequest(req, base)));
          return sendJson(res, { status: 404, body: { errors: "Not Found" } });
        }
        if (host === "cdn.shopify.com" && req.method === "GET") {
          store.settle();
          const f = store.fileByCdnPath(path);
          const bytes = f ? store.blob(f.blobSha) : undefined;
          if (!f || !bytes) return sendJson(res, { status: 404, body: { errors: "Not Found" } });
          res.writeHead(200, {
            "Content-Type": f.mimeType,
            "Content-Length": String(bytes.length),
            "Cache-Control": "public, max-age=31536000",
          });
          return res.end(bytes);
        }
        if (host === STAGED_HOST) {
          if (req.method === "POST" && path === "/") {
            const [status, body] = await receiveUpload(store, await toRequest(req, base));
            res.writeHead(status, { "Content-Type": "application/xml" });
            return res.end(body);
          }
          const rec = store.data.staged[path.slice(1)];
          const bytes = rec?.sha ? store.blob(rec.sha) : undefined;
          if (req.method === "GET" && bytes && rec) {
            res.writeHead(200, { "Content-Type": rec.mimeType });
            return res.end(bytes);
          }
        }
        return sendJson(res, { status: 404, body: { errors: "Not Found" } });
      } catch (err) {
        sendJson(res, {
          status: 500,
          body: { errors: `fake Shopify error: ${err instanceof Error ? err.message : String(err)}` },
        });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    sentWebhooks,
    deliverWebhook: deliver,
    state: () => stateView(store),
    close: async () => {
      clearInterval(ticker);
      for (const t of pendingProductHooks.values()) clearTimeout(t);
      if (opts.statePath) store.flush();
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
