// Detects App Bridge's resource picker (present inside the Shopify admin, absent in the demo).
export interface PickedResource {
  id: string;
  title?: string;
}

interface PickerWindow {
  shopify?: {
    resourcePicker?: (opts: { type: "product" | "collection"; multiple?: boolean; action?: "select" | "add" }) => Promise<PickedResource[] | undefined>;
    toast?: { show: (message: string, opts?: { isError?: boolean }) => void };
  };
}

export function resourcePicker() {
  if (typeof window === "undefined") return null;
  const picker = (window as unknown as PickerWindow).shopify?.resourcePicker;
  return typeof picker === "function" ? picker : null;
}

