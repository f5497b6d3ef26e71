// The one error type for everything that goes wrong talking to Shopify. `transient` says whether
// trying again later may work (throttling, 5xx, network); `message` is written for the merchant.
export class ShopifyError extends Error {
  readonly transient: boolean;
  readonly code: string;
  /** Technical detail for logs (never shown to the merchant). */
  readonly detail?: string;

  constructor(message: string, opts: { transient: boolean; code?: string; detail?: string; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "ShopifyError";
    this.transient = opts.transient;
    this.code = opts.code ?? (opts.transient ? "TRANSIENT" : "FAILED");
    this.detail = opts.detail;
  }
}

export function isShopifyError(err: unknown): err is ShopifyError {
  return err instanceof ShopifyError;
}

/** Turns Shopify's userErrors into one plain sentence, or returns null when there are none. */
export function userErrorsMessage(
  errors: ReadonlyArray<{ message: string; code?: string | null }> | null | undefined,
): string | null {
  if (!errors || errors.length === 0) return null;
  return errors.map((e) => e.message).join("; ");
}
