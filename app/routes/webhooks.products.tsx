// products/create, products/update → a debounced PendingProduct row (the scheduler decides later,
// under the shop's policy, what to process). Verified, deduplicated by event id, answered fast.
import type { ActionFunctionArgs } from "@remix-run/node";
import { verifyWebhook } from "../http/webhook-auth.server";
import {
  handleOnce,
  isInstalled,
  markProductPending,
  productEventOf,
  productGidOf,
} from "../../core/shopify/webhook-events.server";

const TOPICS = ["products/create", "products/update", "products/delete"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request, TOPICS);
  await handleOnce(hook, async () => {
    if (hook.topic !== "PRODUCTS_CREATE" && hook.topic !== "PRODUCTS_UPDATE") return;
    const productId = productGidOf(hook.payload);
    // A shop without an offline session (uninstalled, or redacted) gets no new work.
    if (productId && (await isInstalled(hook.shop)))
      await markProductPending(hook.shop, productId, new Date(), productEventOf(hook));
  });
  return new Response(null, { status: 200 });
}
