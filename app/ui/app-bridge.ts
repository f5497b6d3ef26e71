// App Bridge in the page: its resource picker (absent in the demo) and its toasts (the demo stands in).
export interface PickedResource {
  id: string;
  title?: string;
}

interface PickerWindow {
  shopify?: {
    resourcePicker?: (opts: {
      type: "product" | "collection";
      multiple?: boolean;
      action?: "select" | "add";
    }) => Promise<PickedResource[] | undefined>;
    toast?: { show: (message: string, opts?: { isError?: boolean }) => void };
  };
}

export function resourcePicker() {
  if (typeof window === "undefined") return null;
  const picker = (window as unknown as PickerWindow).shopify?.resourcePicker;
  return typeof picker === "function" ? picker : null;
}

export function showToast(message: string, isError = false): void {
  if (typeof window === "undefined") return;
  (window as unknown as PickerWindow).shopify?.toast?.show(message, { isError });
}
