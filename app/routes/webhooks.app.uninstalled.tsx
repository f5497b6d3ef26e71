// app/uninstalled → stop the shop's work and drop its sessions (its data goes at shop/redact). When
// that fails, the delivery is forgotten so Shopify's retry does it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleUninstall } from "../../core/shopify/uninstall.server";
import { verifyWebhook } from "../http/webhook-auth.server";
import { handleOnce } from "../../core/shopify/webhook-events.server";

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request, ["app/uninstalled"]);
  await handleOnce(hook, () => handleUninstall(hook.shop));
  return new Response(null, { status: 200 });
}
