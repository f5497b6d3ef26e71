// What a route's action answered, as a banner: { error } critical, { ok } success, anything else none.
import { Banner } from "@shopify/polaris";

export function ActionResultBanner({ result }: { result: unknown }) {
  if (!result || typeof result !== "object") return null;
  if ("error" in result && typeof result.error === "string") return <Banner tone="critical" title={result.error} />;
  if ("ok" in result && typeof result.ok === "string") return <Banner tone="success" title={result.ok} />;
  return null;
}
