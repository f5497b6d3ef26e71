// Mandatory compliance webhooks. Loupe stores no customer data: customers/data_request and
// customers/redact have nothing to return or delete. shop/redact deletes every row and blob of the
// shop, but only of a shop that is uninstalled, and as a worker task: the webhook answers at once.
import type { ActionFunctionArgs } from "@remix-run/node";
import { enqueueShopTask } from "../../core/shopify/shop-tasks.server";
import { verifyWebhook } from "../http/webhook-auth.server";
import { handleOnce, isInstalled } from "../../core/shopify/webhook-events.server";

const TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request, TOPICS);
  await handleOnce(hook, async () => {
    if (hook.topic !== "SHOP_REDACT") return;
    // Shopify sends shop/redact 48 hours after an uninstall; a shop that is installed (again) keeps
    // its data. The task checks again when it runs.
    if (await isInstalled(hook.shop)) {
      console.error(`webhooks: shop/redact for ${hook.shop}, which is installed: nothing deleted`);
      return;
    }
    await enqueueShopTask(hook.shop, "redact");
  });
  return new Response(null, { status: 200 });
}
