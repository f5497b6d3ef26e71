// An action's success as a toast (App Bridge's `shopify.toast`; the demo stands in for it), shown once
// per result. Errors stay on the page as a critical banner (ActionResultBanner): they need reading.
import { useEffect } from "react";
import { showToast } from "./app-bridge";

export function successMessage(result: unknown): string | null {
  if (!result || typeof result !== "object") return null;
  return "ok" in result && typeof result.ok === "string" ? result.ok : null;
}

export function useActionToast(result: unknown): void {
  useEffect(() => {
    const message = successMessage(result);
    if (message) showToast(message);
  }, [result]);
}
