import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { config, DEMO_SHOP } from "../../core/config.server";
import { embeddedParams, mintSessionToken } from "../demo/session-token.server";

// The app URL. In the Shopify admin, the admin loads /app directly with its parameters. In the demo,
// this stands in for the admin: it sends the browser to /app with a fresh session token.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (config.demo) {
    const token = mintSessionToken({ shop: DEMO_SHOP, apiKey: config.apiKey, apiSecret: config.apiSecret });
    return redirect(`/app?${embeddedParams(DEMO_SHOP, token)}`);
  }
  if (url.searchParams.get("shop")) return redirect(`/app?${url.searchParams}`);
  return new Response("Loupe is a Shopify app: open it from your Shopify admin.", {
    status: 200,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
