// Mandatory compliance webhooks. Loupe stores no customer data: customers/data_request and
// customers/redact have nothing to return or delete. shop/redact deletes every row and blob of the shop.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redactShop } from "../privacy/redact.server";
import { verifyWebhook } from "../shopify/webhook-auth.server";
import { firstDelivery } from "../shopify/webhook-events.server";

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request);
  if (hook.topic === "SHOP_REDACT") {
    // Redaction is idempotent and deletes the dedupe rows too, so it runs on every delivery.
    await redactShop(hook.shop);
    return new Response(null, { status: 200 });
  }
  await firstDelivery(hook);
  return new Response(null, { status: 200 });
}
