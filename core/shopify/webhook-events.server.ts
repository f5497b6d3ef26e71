// What webhooks write: the dedupe record (X-Shopify-Event-Id, unique; kept for a week, then pruned;
// forgotten when its handler fails) and the debounced PendingProduct row the auto-processing
// scheduler consumes (with what armed it: see auto-candidates.server.ts for how products/create and
// the event time decide what is new).
import { db } from "../db.server";

/** How long a delivery is remembered: Shopify retries for 48 hours at most, replays come later. */
export const DEDUPE_RETENTION_MS = 7 * 24 * 3600_000;

type Delivery = { eventId?: string; shop: string; topic: string; webhookId?: string };

function dedupeKey(e: Delivery): string | null {
  // Shopify always sends X-Shopify-Event-Id; fall back to the delivery id if it ever does not.
  return e.eventId || (e.webhookId ? `webhook:${e.webhookId}` : null);
}

/** Deletes dedupe records, and settled webhook tasks, older than the retention (both indexed: cheap
 * on every delivery). */
export async function pruneWebhookEvents(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DEDUPE_RETENTION_MS);
  const events = await db().webhookEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  const tasks = await db().shopTask.deleteMany({
    where: { state: { in: ["done", "failed"] }, runAfter: { lt: cutoff } },
  });
  return events.count + tasks.count;
}

/** Runs `handle` for the first delivery of an event only; when it fails, the delivery is forgotten
 * (so Shopify's retry is processed) and the error goes on (Shopify sees a 500 and retries). */
export async function handleOnce(e: Delivery, handle: () => Promise<void>): Promise<void> {
  if (!(await firstDelivery(e))) return;
  try {
    await handle();
  } catch (err) {
    await forgetDelivery(dedupeKey(e) ?? undefined);
    throw err;
  }
}

/** Records the event; false when it was already handled (a retry or a replay). */
export async function firstDelivery(e: Delivery): Promise<boolean> {
  // Housekeeping must not cost the delivery: a failed prune is retried with the next one.
  await pruneWebhookEvents().catch((err) =>
    console.error(`webhooks: could not prune old deliveries: ${err instanceof Error ? err.message : err}`),
  );
  const eventId = dedupeKey(e);
  if (!eventId) return true;
  try {
    await db().webhookEvent.create({ data: { eventId, shop: e.shop, topic: e.topic } });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}

/** Undoes firstDelivery when handling failed, so Shopify's retry is processed. */
export async function forgetDelivery(eventId: string | undefined): Promise<void> {
  if (eventId) await db().webhookEvent.deleteMany({ where: { eventId } });
}

export function debounceMs(): number {
  const v = Number(process.env.LOUPE_DEBOUNCE_MS);
  return Number.isFinite(v) &&
    v >= 0 &&
    process.env.LOUPE_DEBOUNCE_MS !== "" &&
    process.env.LOUPE_DEBOUNCE_MS !== undefined
    ? v
    : 45_000;
}

/** What the event says about the product: products/create (a new product), and Shopify's time of it. */
export interface ProductEvent {
  created?: boolean;
  /** X-Shopify-Triggered-At, as Shopify sent it (Shopify's clock). */
  triggeredAt?: string | null;
}

/** Upserts the product's pending row; each new event pushes its due time back (debounce). The row keeps
 *  the first event's time and whether any event since the last look was products/create. */
export async function markProductPending(
  shop: string,
  productId: string,
  now = new Date(),
  event: ProductEvent = {},
): Promise<void> {
  const dueAt = new Date(now.getTime() + debounceMs());
  const eventAt = event.triggeredAt && Number.isFinite(Date.parse(event.triggeredAt)) ? event.triggeredAt : null;
  await db().pendingProduct.upsert({
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
  if (typeof p?.admin_graphql_api_id === "string" && p.admin_graphql_api_id.startsWith("gid://shopify/Product/"))
    return p.admin_graphql_api_id;
  if (typeof p?.id === "number" || (typeof p?.id === "string" && /^\d+$/.test(p.id)))
    return `gid://shopify/Product/${p.id}`;
  return null;
}

/** Whether Loupe holds an offline session for the shop (it is installed). */
export async function isInstalled(shop: string): Promise<boolean> {
  return (await db().session.count({ where: { shop, isOnline: false } })) > 0;
}
