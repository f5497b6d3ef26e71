// app/scopes_update → keep the stored sessions' scope in step with what the merchant granted.
import type { ActionFunctionArgs } from "@remix-run/node";
import { updateSessionScopes } from "../../core/shopify/sessions.server";
import { verifyWebhook } from "../http/webhook-auth.server";

export async function action({ request }: ActionFunctionArgs) {
  const hook = await verifyWebhook(request, ["app/scopes_update"]);
  const current = (hook.payload as { current?: unknown }).current;
  if (Array.isArray(current)) await updateSessionScopes(hook.shop, current.map(String));
  return new Response(null, { status: 200 });
}
