// bulk_operations/finish → wakes whoever waits for that bulk operation (bulk.server.ts); the waiter
// reads the result with bulkOperation(id:), so this only shortens the wait.
import type { ActionFunctionArgs } from "@remix-run/node";
import { notifyBulkFinished } from "../shopify/bulk.server";
import { verifyWebhook } from "../shopify/webhook-auth.server";
import { firstDelivery } from "../shopify/webhook-events.server";

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request);
  if (await firstDelivery(hook)) {
    const id = (hook.payload as { admin_graphql_api_id?: unknown }).admin_graphql_api_id;
    if (typeof id === "string") notifyBulkFinished(hook.shop, id);
  }
  return new Response(null, { status: 200 });
}
