// Shopify requires every HTML response of an embedded app to say who may frame it: the requesting
// shop and the admin. The library's addDocumentResponseHeaders sets that when the request names its
// shop (?shop=, which the admin always sends); a document without one still gets a policy (the
// admin only), so no HTML response is ever frameable by any site.
import { addDocumentResponseHeaders } from "../../core/shopify/shopify-app.server";

export const ADMIN_ONLY_POLICY = "frame-ancestors https://admin.shopify.com;";

export function addFrameAncestors(request: Request, headers: Headers): void {
  addDocumentResponseHeaders(request, headers);
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", ADMIN_ONLY_POLICY);
}
