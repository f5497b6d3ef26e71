// products/create, products/update → a debounced PendingProduct row (the scheduler decides later,
// under the shop's policy, what to process). Verified, deduplicated by event id, answered fast.
import type { ActionFunctionArgs } from "@remix-run/node";
import { verifyWebhook } from "../shopify/webhook-auth.server";
import { eventIdOf, firstDelivery, forgetDelivery, markProductPending, productGidOf } from "../shopify/webhook-events.server";

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request);
  if (!(await firstDelivery(hook))) return new Response(null, { status: 200 });
  try {
    if (hook.topic === "PRODUCTS_CREATE" || hook.topic === "PRODUCTS_UPDATE") {
      const productId = productGidOf(hook.payload);
      if (productId) await markProductPending(hook.shop, productId);
    }
    return new Response(null, { status: 200 });
  } catch (err) {
    await forgetDelivery(eventIdOf(hook));
    throw err;
  }
}
