// Revalidates the page's loaders every `ms` while `active`, skipping while a load is in flight.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

export function usePolling(active: boolean, ms = 1500): void {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!active || state !== "idle") return;
    const t = setTimeout(revalidate, ms);
    return () => clearTimeout(t);
  }, [active, state, ms, revalidate]);
}
