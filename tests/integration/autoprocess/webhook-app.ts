// Just the app's products/* webhook route (app/routes/webhooks.products.tsx: real HMAC check, event-id
// dedupe, debounced PendingProduct) served over HTTP on the app's port, so the fake Shopify's signed
// deliveries reach it without building the whole Remix app.
import { createServer, type Server } from "node:http";

export async function serveProductWebhooks(port: number): Promise<{ close(): Promise<void>; statuses: number[] }> {
  const { action } = await import("../../../app/routes/webhooks.products");
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      let out: Response;
      if (req.url !== "/webhooks/products") out = new Response("Not Found", { status: 404 });
      else {
        const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
          method: req.method,
          headers,
          body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
        });
        try {
          out = await action({ request, params: {}, context: {} });
        } catch (thrown) {
          out = thrown instanceof Response ? thrown : new Response(String(thrown), { status: 500 });
        }
      }
      statuses.push(out.status);
      res.writeHead(out.status);
      res.end(await out.text());
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    statuses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
