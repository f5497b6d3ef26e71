// What webhooks write: the dedupe record (X-Shopify-Event-Id, unique) and the debounced
// PendingProduct row the auto-processing scheduler consumes (with what armed it: see
// auto-candidates.server.ts for how products/create and the event time decide what is new).
import prisma from "../db.server";

/** Records the event; false when it was already handled (a retry or a replay). */
export async function firstDelivery(e: { eventId?: string; shop: string; topic: string; webhookId?: string }): Promise<boolean> {
  // Shopify always sends X-Shopify-Event-Id; fall back to the delivery id if it ever does not.
  const eventId = e.eventId || (e.webhookId ? `webhook:${e.webhookId}` : null);
  if (!eventId) return true;
  try {
    await prisma.webhookEvent.create({ data: { eventId, shop: e.shop, topic: e.topic } });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}

/** The event id of a verified webhook (the library puts it on the plain-webhook branch only). */
export function eventIdOf(hook: object): string | undefined {
  const id = (hook as { eventId?: unknown }).eventId;
  return typeof id === "string" ? id : undefined;
}

/** Undoes firstDelivery when handling failed, so Shopify's retry is processed. */
export async function forgetDelivery(eventId: string | undefined): Promise<void> {
  if (eventId) await prisma.webhookEvent.deleteMany({ where: { eventId } });
}

export function debounceMs(): number {
  const v = Number(process.env.LOUPE_DEBOUNCE_MS);
  return Number.isFinite(v) && v >= 0 && process.env.LOUPE_DEBOUNCE_MS !== "" && process.env.LOUPE_DEBOUNCE_MS !== undefined ? v : 45_000;
}

/** What the event says about the product: products/create (a new product), and Shopify's time of it. */
export interface ProductEvent {
  created?: boolean;
  /** X-Shopify-Triggered-At, as Shopify sent it (Shopify's clock). */
  triggeredAt?: string | null;
}

/** Upserts the product's pending row; each new event pushes its due time back (debounce). The row keeps
 *  the first event's time and whether any event since the last look was products/create. */
export async function markProductPending(shop: string, productId: string, now = new Date(), event: ProductEvent = {}): Promise<void> {
  const dueAt = new Date(now.getTime() + debounceMs());
  const eventAt = event.triggeredAt && Number.isFinite(Date.parse(event.triggeredAt)) ? event.triggeredAt : null;
  await prisma.pendingProduct.upsert({
    where: { shop_productId: { shop, productId } },
    create: { shop, productId, dueAt, created: event.created === true, eventAt },
    update: { dueAt, ...(event.created ? { created: true } : {}) },
  });
}

/** The product facts of a verified products/* webhook. */
export function productEventOf(hook: { topic: string; triggeredAt?: string }): ProductEvent {
  return { created: hook.topic === "PRODUCTS_CREATE", triggeredAt: hook.triggeredAt ?? null };
}

/** The product gid from a REST-shaped products/* payload. */
export function productGidOf(payload: unknown): string | null {
  const p = payload as { admin_graphql_api_id?: unknown; id?: unknown } | null;
  if (typeof p?.admin_graphql_api_id === "string" && p.admin_graphql_api_id.startsWith("gid://shopify/Product/")) return p.admin_graphql_api_id;
  if (typeof p?.id === "number" || (typeof p?.id === "string" && /^\d+$/.test(p.id))) return `gid://shopify/Product/${p.id}`;
  return null;
}

/** Whether Loupe holds an offline session for the shop (it is installed). */
export async function isInstalled(shop: string): Promise<boolean> {
  return (await prisma.session.count({ where: { shop, isOnline: false } })) > 0;
}
