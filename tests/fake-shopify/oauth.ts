// POST /_host/<shop>/admin/oauth/access_token: token exchange (a session token for an offline or
// online access token, expiring with a refresh token when asked) and refresh_token grants.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FakeStore } from "./store";
import type { JsonReply } from "./graphql-endpoint";

export interface AppCreds {
  apiKey: string;
  apiSecret: string;
  scopes: string;
}

/** Verifies a session token (HS256 with the app secret, aud = api key, dest = the shop). */
export function verifySessionToken(token: string, creds: AppCreds, shop: string): { sub: string } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  const want = createHmac("sha256", creds.apiSecret).update(`${h}.${p}`).digest();
  const got = Buffer.from(s, "base64url");
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  let payload: { aud?: string; dest?: string; exp?: number; nbf?: number; sub?: string };
  try {
    payload = JSON.parse(Buffer.from(p, "base64url").toString()) as typeof payload;
  } catch {
    return null;
  }
  const now = Date.now() / 1000;
  if (
    payload.aud !== creds.apiKey ||
    payload.dest !== `https://${shop}` ||
    !payload.exp ||
    payload.exp < now - 5 ||
    (payload.nbf ?? 0) > now + 5
  )
    return null;
  return { sub: payload.sub ?? "1" };
}

export async function handleAccessToken(
  store: FakeStore,
  shop: string,
  creds: AppCreds,
  req: Request,
): Promise<JsonReply> {
  const ct = req.headers.get("content-type") ?? "";
  const raw = await req.text();
  const body: Record<string, string> = ct.includes("json")
    ? (JSON.parse(raw || "{}") as Record<string, string>)
    : Object.fromEntries(new URLSearchParams(raw));
  if (body.client_id !== creds.apiKey || body.client_secret !== creds.apiSecret) {
    return { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } };
  }
  const expiring = body.expiring === "1";
  if (body.grant_type === "urn:ietf:params:oauth:grant-type:token-exchange") {
    const claims = verifySessionToken(body.subject_token ?? "", creds, shop);
    if (!claims)
      return {
        status: 400,
        body: { error: "invalid_subject_token", error_description: "The session token is invalid" },
      };
    // Shopify exchanges tokens only for a shop where the app is installed (a leftover session token
    // from before an uninstall gets nothing).
    if (!store.isInstalled(shop))
      return {
        status: 400,
        body: { error: "invalid_subject_token", error_description: "The app is not installed on this shop" },
      };
    const online = body.requested_token_type === "urn:shopify:params:oauth:token-type:online-access-token";
    const t = store.issueToken(shop, online ? "online" : "offline", creds.scopes, expiring);
    return { status: 200, body: tokenBody(t, store, online ? { id: Number(claims.sub) || 1 } : null) };
  }
  if (body.grant_type === "refresh_token") {
    const old = Object.values(store.data.tokens).find((t) => t.refreshToken === body.refresh_token && t.shop === shop);
    if (!old || old.revoked || (old.refreshExpiresAt ?? 0) < Date.now() || !store.isInstalled(shop)) {
      return {
        status: 400,
        body: { error: "invalid_grant", error_description: "The refresh token is invalid or was already used" },
      };
    }
    old.revoked = true; // refresh tokens are single use; the old access token stops working
    const t = store.issueToken(shop, "offline", old.scope, true);
    return { status: 200, body: tokenBody(t, store, null) };
  }
  return { status: 400, body: { error: "unsupported_grant_type" } };
}

function tokenBody(
  t: {
    token: string;
    scope: string;
    expiresAt: number | null;
    refreshToken: string | null;
    refreshExpiresAt: number | null;
  },
  _store: FakeStore,
  user: { id: number } | null,
) {
  const now = Date.now();
  return {
    access_token: t.token,
    scope: t.scope,
    ...(t.expiresAt ? { expires_in: Math.round((t.expiresAt - now) / 1000) } : {}),
    ...(t.refreshToken
      ? {
          refresh_token: t.refreshToken,
          refresh_token_expires_in: Math.round(((t.refreshExpiresAt ?? now) - now) / 1000),
        }
      : {}),
    ...(user
      ? {
          associated_user_scope: t.scope,
          associated_user: {
            id: user.id,
            first_name: "Demo",
            last_name: "Merchant",
            email: "merchant@example.com",
            email_verified: true,
            account_owner: true,
            locale: "en",
            collaborator: false,
          },
        }
      : {}),
  };
}
