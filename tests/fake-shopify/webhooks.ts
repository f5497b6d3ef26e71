// Signed webhook delivery to the app, with Shopify's headers. The HMAC is base64 HMAC-SHA256 of the
// raw body with the app secret; `forge` signs with a wrong secret.
import { createHmac, randomUUID } from "node:crypto";

export const WEBHOOK_PATHS: Record<string, string> = {
  "products/create": "/webhooks/products",
  "products/update": "/webhooks/products",
  "products/delete": "/webhooks/products",
  "app/uninstalled": "/webhooks/app/uninstalled",
  "app/scopes_update": "/webhooks/app/scopes_update",
  "bulk_operations/finish": "/webhooks/bulk",
  "customers/data_request": "/webhooks/compliance",
  "customers/redact": "/webhooks/compliance",
  "shop/redact": "/webhooks/compliance",
};

export interface DeliverOptions {
  eventId?: string;
  forge?: boolean;
  unsigned?: boolean;
  path?: string;
  triggeredAt?: string;
}

export function signWebhook(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export async function deliverWebhook(
  appUrl: string,
  apiSecret: string,
  topic: string,
  shop: string,
  payload: unknown,
  opts: DeliverOptions = {},
): Promise<Response> {
  const path = opts.path ?? WEBHOOK_PATHS[topic];
  if (!path) throw new Error(`no subscription for webhook topic ${topic}`);
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": randomUUID(),
    "X-Shopify-Event-Id": opts.eventId ?? randomUUID(),
    "X-Shopify-Triggered-At": opts.triggeredAt ?? new Date().toISOString(),
  };
  if (!opts.unsigned)
    headers["X-Shopify-Hmac-Sha256"] = signWebhook(body, opts.forge ? `${apiSecret}-forged` : apiSecret);
  return fetch(new URL(path, appUrl), { method: "POST", headers, body });
}
