// Verifies a webhook before anything else happens: no lock, no database, no JSON parsing until the
// HMAC (base64 HMAC-SHA256 of the raw body with the app secret, compared in constant time) matches.
// The body is read with a cap (413 past WEBHOOK_MAX_BYTES, without reading it whole). Only the body
// is signed, so the unsigned headers must agree with it: the topic must be one this endpoint handles,
// and a body that names its shop (`shop_domain`, `myshopify_domain`) must name the header's shop.
// Answers: 405 not POST, 401 unsigned or forged, 413 too large, 400 malformed or mismatched.
import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "../../core/config.server";
import { BodyTooLargeError, readCapped, tooLarge } from "./read-capped.server";

export const WEBHOOK_MAX_BYTES = 1024 * 1024;

export interface VerifiedWebhook {
  /** The library's form: products/update → PRODUCTS_UPDATE. */
  topic: string;
  shop: string;
  eventId?: string;
  webhookId?: string;
  triggeredAt?: string;
  payload: unknown;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function unauthorized(): Response {
  return plain(401, "Unauthorized");
}

export function hmacMatches(raw: Buffer, header: string, secret: string): boolean {
  const want = createHmac("sha256", secret).update(raw).digest();
  const got = Buffer.from(header, "base64");
  return got.length === want.length && timingSafeEqual(got, want);
}

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

function validShop(shop: string): boolean {
  return (
    SHOP_DOMAIN.test(shop) ||
    (!!process.env.SHOP_CUSTOM_DOMAIN &&
      shop.endsWith(`.${process.env.SHOP_CUSTOM_DOMAIN}`) &&
      /^[a-z0-9.-]+$/.test(shop))
  );
}

/** The shops a payload names about itself (compliance topics: shop_domain; the Shop resource: myshopify_domain). */
function shopsNamedIn(payload: unknown): string[] {
  const p = (payload ?? {}) as { shop_domain?: unknown; myshopify_domain?: unknown };
  return [p.shop_domain, p.myshopify_domain]
    .filter((s): s is string => typeof s === "string")
    .map((s) => s.toLowerCase());
}

const NEEDS_SHOP_IN_BODY = new Set(["SHOP_REDACT", "CUSTOMERS_REDACT", "CUSTOMERS_DATA_REQUEST"]);

export function topicKey(header: string): string {
  return header.toUpperCase().replace(/\//g, "_");
}

/** Verifies a delivery for an endpoint that handles `topics` (Shopify's form: "shop/redact"). */
export async function verifyWebhook(request: Request, topics: readonly string[]): Promise<VerifiedWebhook> {
  if (request.method !== "POST") throw plain(405, "Method not allowed");
  const hmac = request.headers.get("x-shopify-hmac-sha256");
  if (!hmac) throw unauthorized();
  let raw: Buffer;
  try {
    raw = await readCapped(request, WEBHOOK_MAX_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw tooLarge(err);
    throw plain(400, "The webhook body could not be read.");
  }
  if (!hmacMatches(raw, hmac, config.apiSecret)) throw unauthorized();

  const topicHeader = (request.headers.get("x-shopify-topic") ?? "").toLowerCase();
  if (!topics.includes(topicHeader))
    throw plain(400, `This endpoint does not handle the topic "${topicHeader.slice(0, 60)}".`);
  const topic = topicKey(topicHeader);
  const shop = (request.headers.get("x-shopify-shop-domain") ?? "").toLowerCase();
  if (!validShop(shop)) throw plain(400, "X-Shopify-Shop-Domain is not a shop domain.");
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString("utf8"));
  } catch {
    throw plain(400, "The webhook body is not JSON.");
  }
  const named = shopsNamedIn(payload);
  if (named.some((s) => s !== shop))
    throw plain(400, "The shop in the webhook body does not match X-Shopify-Shop-Domain.");
  if (NEEDS_SHOP_IN_BODY.has(topic) && named.length === 0)
    throw plain(400, "The webhook body does not name its shop (shop_domain).");

  const header = (name: string) => request.headers.get(name) || undefined;
  return {
    topic,
    shop,
    payload,
    eventId: header("x-shopify-event-id"),
    webhookId: header("x-shopify-webhook-id"),
    triggeredAt: header("x-shopify-triggered-at"),
  };
}
