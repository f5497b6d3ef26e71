// Maps the batch services' errors to API answers: not found (or another shop's id) → 404, a state
// change that is not allowed → 409, a bad request → 400. Messages stay merchant-readable.
import { InvalidRequestError, InvalidTransitionError, NotFoundError } from "../../core/batches/errors";
import { ShopifyError } from "../../core/shopify/errors";
import { BodyTooLargeError, readCapped } from "./read-capped.server";
import type { ApiContext } from "./api-auth.server";

export function apiError(ctx: ApiContext, err: unknown): Response {
  if (err instanceof NotFoundError) return ctx.json({ error: { code: "NOT_FOUND", message: err.message } }, 404);
  if (err instanceof InvalidTransitionError)
    return ctx.json({ error: { code: "INVALID_TRANSITION", message: err.message } }, 409);
  if (err instanceof InvalidRequestError)
    return ctx.json({ error: { code: "INVALID_REQUEST", message: err.message } }, 400);
  if (err instanceof BodyTooLargeError) return ctx.json({ error: { code: "TOO_LARGE", message: err.message } }, 413);
  if (err instanceof ShopifyError)
    return ctx.json({ error: { code: err.code, message: err.message } }, err.transient ? 503 : 502);
  console.error("api: unexpected error", err);
  return ctx.json({ error: { code: "INTERNAL", message: "Something went wrong in Loupe. Please try again." } }, 500);
}

/** JSON bodies of the API are small (a batch is at most MAX_PRODUCTS_PER_BATCH ids). */
export const API_JSON_MAX_BYTES = 256 * 1024;

export async function readJson(request: Request, limitBytes = API_JSON_MAX_BYTES): Promise<unknown> {
  const body = await readCapped(request, limitBytes);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new InvalidRequestError("The request body must be JSON.");
  }
}
