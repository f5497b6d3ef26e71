// What a route's action answered: an { error } as a critical banner that stays until the next action,
// and an { ok } as a toast (useActionToast), so a success never pushes the page down.
import { Banner } from "@shopify/polaris";
import { useActionToast } from "../../ui/use-action-toast";

export function ActionResultBanner({ result }: { result: unknown }) {
  useActionToast(result);
  if (!result || typeof result !== "object") return null;
  if ("error" in result && typeof result.error === "string") return <Banner tone="critical" title={result.error} />;
  return null;
}
