// The Admin client for a shop's offline session, for workers and webhooks (no request in hand).
// Expiring offline tokens are refreshed by the library's unauthenticated.admin(); Loupe serializes
// that per shop (withShopLock), keeps the fresh session in memory, and reloads it after a 401.
import type { Session } from "@shopify/shopify-api";
import { sessionStorage, unauthenticated } from "./shopify-app.server";
import { createAdminClient, type AdminClient, type AdminClientOptions } from "./graphql-client.server";
import { ShopifyError } from "./errors";
import { withShopLock } from "./shop-lock";

export type { AdminClient } from "./graphql-client.server";

const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const sessions = new Map<string, Session>();

function usable(s: Session | undefined): s is Session {
  return !!s && !!s.accessToken && !s.isExpired(REFRESH_MARGIN_MS);
}

/** The shop's offline session, refreshed if it expires soon. Serialized per shop. */
export async function getOfflineSession(shop: string): Promise<Session> {
  const cached = sessions.get(shop);
  if (usable(cached)) return cached;
  return withShopLock(`session:${shop}`, async () => {
    const again = sessions.get(shop);
    if (usable(again)) return again;
    try {
      const { session } = await unauthenticated.admin(shop);
      sessions.set(shop, session);
      return session;
    } catch (err) {
      sessions.delete(shop);
      // Another process may have spent the refresh token first: its fresh session is (or is about
      // to be) in storage. Look a few times before giving up.
      const noSession = err instanceof Error && err.name === "SessionNotFoundError";
      for (let i = 0; i < (noSession ? 0 : 3); i++) {
        const stored = await storedOfflineSession(shop);
        if (usable(stored)) {
          sessions.set(shop, stored);
          return stored;
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      if (err instanceof Error && err.name === "SessionNotFoundError") {
        throw new ShopifyError(
          `Loupe is not installed on ${shop} (or was uninstalled). Open Loupe from the Shopify admin to reconnect.`,
          {
            transient: false,
            code: "NO_SESSION",
            cause: err,
          },
        );
      }
      if (err instanceof Response) {
        throw new ShopifyError("Loupe could not renew its access to your store. It will try again shortly.", {
          transient: err.status >= 500,
          code: `REFRESH_${err.status}`,
        });
      }
      throw new ShopifyError(
        "Loupe could not renew its access to your store. Open Loupe from your Shopify admin to reconnect.",
        {
          transient: false,
          code: "REFRESH_FAILED",
          detail: String(err),
          cause: err,
        },
      );
    }
  });
}

async function storedOfflineSession(shop: string): Promise<Session | undefined> {
  try {
    return (await sessionStorage!.findSessionsByShop(shop)).find((s) => !s.isOnline);
  } catch {
    return undefined;
  }
}

/** Drops the cached session (after uninstall or a 401). */
export function forgetOfflineSession(shop: string): void {
  sessions.delete(shop);
}

const clients = new Map<string, AdminClient>();

export async function getAdminClient(shop: string, opts: Partial<AdminClientOptions> = {}): Promise<AdminClient> {
  await getOfflineSession(shop); // fail early, with a plain message, when the shop has no session
  const existing = clients.get(shop);
  if (existing && Object.keys(opts).length === 0) return existing;
  const client = createAdminClient({
    shop,
    accessToken: async () => (await getOfflineSession(shop)).accessToken!,
    onUnauthorized: async () => forgetOfflineSession(shop),
    ...opts,
  });
  if (Object.keys(opts).length === 0) clients.set(shop, client);
  return client;
}
