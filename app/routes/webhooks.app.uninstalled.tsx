// app/uninstalled → stop the shop's work and drop its sessions (its data goes at shop/redact).
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleUninstall } from "../shopify/uninstall.server";
import { verifyWebhook } from "../shopify/webhook-auth.server";
import { firstDelivery } from "../shopify/webhook-events.server";

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request);
  if (await firstDelivery(hook)) await handleUninstall(hook.shop);
  return new Response(null, { status: 200 });
}
