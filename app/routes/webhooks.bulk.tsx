// bulk_operations/finish → a worker task that wakes whoever waits for that bulk operation
// (bulk.server.ts) in the worker; the waiter reads the result with bulkOperation(id:), so this only
// shortens the wait. The webhook answers at once.
import type { ActionFunctionArgs } from "@remix-run/node";
import { enqueueShopTask } from "../../core/shopify/shop-tasks.server";
import { verifyWebhook } from "../http/webhook-auth.server";
import { handleOnce } from "../../core/shopify/webhook-events.server";

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request, ["bulk_operations/finish"]);
  await handleOnce(hook, async () => {
    const id = (hook.payload as { admin_graphql_api_id?: unknown }).admin_graphql_api_id;
    if (typeof id === "string" && id.startsWith("gid://shopify/BulkOperation/"))
      await enqueueShopTask(hook.shop, "bulk-finished", { id });
  });
  return new Response(null, { status: 200 });
}
