// Verifies a webhook with the library (authenticate.webhook: HMAC of the raw body with the app secret)
// and answers 401 for anything unsigned or forged. The library answers 400 for a missing signature;
// Loupe answers 401 there too, so every webhook endpoint treats "not from Shopify" the same way.
import { authenticate } from "../shopify.server";
import { withShopLock } from "./shop-lock";

export type WebhookContext = Awaited<ReturnType<typeof authenticate.webhook>>;

export function unauthorized(): Response {
  return new Response("Unauthorized", { status: 401, headers: { "Content-Type": "text/plain" } });
}

export async function verifyWebhook(request: Request): Promise<WebhookContext> {
  if (request.method !== "POST") throw new Response("Method not allowed", { status: 405 });
  if (!request.headers.get("x-shopify-hmac-sha256")) throw unauthorized();
  // authenticate.webhook loads the shop's offline session and refreshes it when it expires soon; the
  // library has no lock around that, so Loupe serializes it with its own refreshes (same lock key).
  // The header only picks the lock: the HMAC check still decides whether the request is genuine.
  const shopHeader = (request.headers.get("x-shopify-shop-domain") ?? "").toLowerCase();
  try {
    return await withShopLock(`session:${shopHeader}`, () => authenticate.webhook(request));
  } catch (err) {
    if (err instanceof Response && err.status === 401) throw unauthorized();
    throw err;
  }
}
