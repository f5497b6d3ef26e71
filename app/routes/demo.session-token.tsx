import { config, DEMO_SHOP } from "../../core/config.server";
import { mintSessionToken } from "../demo/session-token.server";
// Demo only: hands a fresh session token to the App Bridge stand-in (public/demo-app-bridge.js).
export async function loader() {
  if (!config.demo) return new Response("Not found", { status: 404 });
  const token = mintSessionToken({ shop: DEMO_SHOP, apiKey: config.apiKey, apiSecret: config.apiSecret });
  return new Response(token, { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
