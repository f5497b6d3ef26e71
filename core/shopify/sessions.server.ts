// The shop's stored Shopify sessions, beyond what the session storage itself does.
import { db } from "../db.server";

/** Keeps the stored sessions' scope in step with what the merchant granted (app/scopes_update). */
export async function updateSessionScopes(shop: string, scopes: readonly string[]): Promise<number> {
  const r = await db().session.updateMany({ where: { shop }, data: { scope: scopes.join(",") } });
  return r.count;
}
