// Puts new bytes (already staged: resourceUrl) on a product image.
// In place: fileUpdate({id, originalSource}) keeps the media id, position, alt and variant links.
// Fallback, when Shopify refuses an in-place replace (e.g. a format change): add the new media with the
// same alt, move it to the old position, detach the old file from the product (it stays in Files).
import type { AdminClient } from "./admin-client";
import { ShopifyError, userErrorsMessage } from "./errors";
import { waitUntilReady, type PollOptions } from "./media-status";
import { ADD_PRODUCT_MEDIA, DETACH_MEDIA, JOB_STATUS, REORDER_MEDIA, REPLACE_IMAGE } from "./operations";

type UserError = { field: string[] | null; message: string; code?: string | null };

/** Codes that mean "this file cannot be replaced in place", for which the fallback applies. */
const NEEDS_FALLBACK = new Set(["INVALID_FILENAME_EXTENSION", "MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE", "MEDIA_CANNOT_BE_MODIFIED", "UNSUPPORTED_MEDIA_TYPE_FOR_FILENAME_UPDATE"]);
const RETRY_LATER = new Set(["NON_READY_STATE", "FILE_LOCKED"]);

export class InPlaceRefused extends Error {
  constructor(readonly codes: string[], message: string) {
    super(message);
  }
}

export async function replaceInPlace(client: AdminClient, mediaId: string, resourceUrl: string): Promise<void> {
  const data = await client.request<{ fileUpdate: { files: Array<{ id: string }> | null; userErrors: UserError[] } }>(REPLACE_IMAGE, {
    files: [{ id: mediaId, originalSource: resourceUrl }],
  });
  const errs = data.fileUpdate.userErrors;
  if (errs.length === 0) return;
  const codes = errs.map((e) => e.code ?? "");
  if (codes.some((c) => NEEDS_FALLBACK.has(c))) throw new InPlaceRefused(codes, userErrorsMessage(errs)!);
  if (codes.some((c) => RETRY_LATER.has(c))) {
    throw new ShopifyError("The image is still being processed by Shopify; Loupe will try again shortly.", { transient: true, code: codes.join(",") });
  }
  throw new ShopifyError(`Shopify refused to replace the image: ${userErrorsMessage(errs)}`, { transient: false, code: codes.join(",") || "FILE_UPDATE_REJECTED" });
}

/** The add/reorder/detach path. Returns the new media id. */
export async function replaceByAddAndDetach(
  client: AdminClient,
  args: { productId: string; oldMediaId: string; position: number; alt: string | null; resourceUrl: string },
  poll: PollOptions = {},
): Promise<string> {
  const before = await client.request<{ productUpdate: { product: { media: { nodes: Array<{ id: string }> } } | null; userErrors: UserError[] } }>(ADD_PRODUCT_MEDIA, {
    product: { id: args.productId },
    media: [{ originalSource: args.resourceUrl, alt: args.alt ?? "", mediaContentType: "IMAGE" }],
  });
  const err = userErrorsMessage(before.productUpdate.userErrors);
  if (err || !before.productUpdate.product) throw new ShopifyError(`Shopify did not add the new image: ${err ?? "unknown reason"}`, { transient: false, code: "ADD_MEDIA_REJECTED" });
  const nodes = before.productUpdate.product.media.nodes;
  const newId = nodes[nodes.length - 1]?.id;
  if (!newId || newId === args.oldMediaId) throw new ShopifyError("Shopify did not report the new image.", { transient: true, code: "ADD_MEDIA_MISSING" });
  await waitUntilReady(client, newId, poll);

  const reorder = await client.request<{ productReorderMedia: { job: { id: string; done: boolean } | null; mediaUserErrors: UserError[] } }>(REORDER_MEDIA, {
    id: args.productId,
    moves: [{ id: newId, newPosition: String(args.position) }],
  });
  const rerr = userErrorsMessage(reorder.productReorderMedia.mediaUserErrors);
  if (rerr) throw new ShopifyError(`Shopify did not move the new image into place: ${rerr}`, { transient: false, code: "REORDER_REJECTED" });
  let job = reorder.productReorderMedia.job;
  for (let i = 0; job && !job.done && i < 30; i++) {
    await new Promise((r) => setTimeout(r, Math.min(5000, 500 * (i + 1)) * (poll.scale ?? 1)));
    job = (await client.request<{ job: { id: string; done: boolean } | null }>(JOB_STATUS, { id: job.id })).job;
  }

  const detach = await client.request<{ fileUpdate: { userErrors: UserError[] } }>(DETACH_MEDIA, {
    files: [{ id: args.oldMediaId, referencesToRemove: [args.productId] }],
  });
  const derr = userErrorsMessage(detach.fileUpdate.userErrors);
  if (derr) throw new ShopifyError(`The new image is on the product, but Shopify did not remove the old one: ${derr}`, { transient: false, code: "DETACH_REJECTED" });
  return newId;
}
