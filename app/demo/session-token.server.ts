// The demo plays the part of the Shopify admin for a plain browser: it mints the session token
// (an HS256 JWT signed with the app secret, aud = API key, dest = the shop) that the admin would
// hand to the embedded app. Only mounted when LOUPE_DEMO=1; the app's own auth code verifies it
// exactly as it verifies a real one.
import { createHmac, randomUUID } from "node:crypto";

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString("base64url");

export function mintSessionToken(opts: {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId?: string;
  ttlSeconds?: number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "HS256", typ: "JWT" };
  const payload = {
    iss: `https://${opts.shop}/admin`,
    dest: `https://${opts.shop}`,
    aud: opts.apiKey,
    sub: opts.userId ?? "1",
    exp: now + (opts.ttlSeconds ?? 60),
    nbf: now - 5,
    iat: now - 5,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const sig = createHmac("sha256", opts.apiSecret).update(body).digest("base64url");
  return `${body}.${sig}`;
}

/** The query string the admin adds when it loads an embedded app. */
export function embeddedParams(shop: string, token: string): URLSearchParams {
  const host = Buffer.from(`admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}`).toString("base64url");
  return new URLSearchParams({ embedded: "1", shop, host, id_token: token });
}
