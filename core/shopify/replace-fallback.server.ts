// The add/reorder/detach fallback, for when Shopify refuses an in-place replace. Every step is
// recorded in the MediaLedger before the next one, so a crash at any point resumes without adding
// the image twice or losing it, its position or a variant's image:
//   1. add the new media (productUpdate) → record its id in the ledger (state "uploaded", mediaId = new)
//   2. wait until it is READY, move it to the old media's position (productReorderMedia, idempotent)
//   3. record the variants that show the old media → detach the old file (it stays in Files; the
//      detach clears it from those variants) → attach the new media to each of them
import type { MediaLedger } from "@prisma/client";
import type { AdminClient } from "./graphql-client.server";
import { ShopifyError, userErrorsMessage } from "./errors";
import { waitUntilReady, type PollOptions } from "./media-status.server";
import { listProductImages } from "./media-pull.server";
import { markEntry } from "./ledger.server";
import {
  ADD_PRODUCT_MEDIA,
  APPEND_VARIANT_MEDIA,
  DETACH_MEDIA,
  JOB_STATUS,
  REORDER_MEDIA,
  VARIANT_MEDIA,
} from "./operations";

type UserError = { field: string[] | null; message: string; code?: string | null };

export interface FallbackArgs {
  productId: string;
  oldMediaId: string;
  alt: string | null;
  resourceUrl: string;
}

/** Steps 1–3 from the start. Returns the new media id. */
export async function replaceByAddAndDetach(
  client: AdminClient,
  entry: MediaLedger,
  args: FallbackArgs,
  poll: PollOptions = {},
): Promise<string> {
  const res = await client.request<{
    productUpdate: { product: { media: { nodes: Array<{ id: string }> } } | null; userErrors: UserError[] };
  }>(ADD_PRODUCT_MEDIA, {
    product: { id: args.productId },
    media: [{ originalSource: args.resourceUrl, alt: args.alt ?? "", mediaContentType: "IMAGE" }],
  });
  const err = userErrorsMessage(res.productUpdate.userErrors);
  if (err || !res.productUpdate.product)
    throw new ShopifyError(`Shopify did not add the new image: ${err ?? "unknown reason"}`, {
      transient: false,
      code: "ADD_MEDIA_REJECTED",
    });
  const nodes = res.productUpdate.product.media.nodes;
  const newId = nodes[nodes.length - 1]?.id;
  if (!newId || newId === args.oldMediaId)
    throw new ShopifyError("Shopify did not report the new image.", { transient: true, code: "ADD_MEDIA_MISSING" });
  const recorded = await markEntry(entry.id, "uploaded", { mediaId: newId });
  await finishFallback(client, recorded, args.productId, args.oldMediaId, poll);
  return newId;
}

/** Steps 2–3, resumable: the ledger holds the new media id (and, once read, the old media's variants). */
export async function finishFallback(
  client: AdminClient,
  entry: MediaLedger,
  productId: string,
  oldMediaId: string,
  poll: PollOptions = {},
): Promise<void> {
  const newId = entry.mediaId;
  await waitUntilReady(client, newId, poll);
  const images = await listProductImages(client, productId);
  const old = images.find((i) => i.mediaId === oldMediaId);
  if (old) {
    await reorder(client, productId, newId, old.position, poll);
    const variantIds = entry.variantIds
      ? (JSON.parse(entry.variantIds) as string[])
      : await variantsShowing(client, productId, oldMediaId);
    if (!entry.variantIds) entry = await markEntry(entry.id, "uploaded", { variantIds: JSON.stringify(variantIds) });
    const detach = await client.request<{ fileUpdate: { userErrors: UserError[] } }>(DETACH_MEDIA, {
      files: [{ id: oldMediaId, referencesToRemove: [productId] }],
    });
    const derr = userErrorsMessage(detach.fileUpdate.userErrors);
    if (derr)
      throw new ShopifyError(`The new image is on the product, but Shopify did not remove the old one: ${derr}`, {
        transient: false,
        code: "DETACH_REJECTED",
      });
  }
  const variantIds = entry.variantIds ? (JSON.parse(entry.variantIds) as string[]) : [];
  await attachToVariants(client, productId, newId, variantIds);
}

async function reorder(
  client: AdminClient,
  productId: string,
  mediaId: string,
  position: number,
  poll: PollOptions,
): Promise<void> {
  const r = await client.request<{
    productReorderMedia: { job: { id: string; done: boolean } | null; mediaUserErrors: UserError[] };
  }>(REORDER_MEDIA, {
    id: productId,
    moves: [{ id: mediaId, newPosition: String(position) }],
  });
  const rerr = userErrorsMessage(r.productReorderMedia.mediaUserErrors);
  if (rerr)
    throw new ShopifyError(`Shopify did not move the new image into place: ${rerr}`, {
      transient: false,
      code: "REORDER_REJECTED",
    });
  let job = r.productReorderMedia.job;
  for (let i = 0; job && !job.done && i < 30; i++) {
    await new Promise((res) => setTimeout(res, Math.min(5000, 500 * (i + 1)) * (poll.scale ?? 1)));
    job = (await client.request<{ job: { id: string; done: boolean } | null }>(JOB_STATUS, { id: job.id })).job;
  }
}

interface VariantPage {
  product: {
    variants: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ id: string; media: { nodes: Array<{ id: string }> } }>;
    };
  } | null;
}

/** The variants whose image is `mediaId`, or that already show another (returned by `showing`). */
async function variantMedia(
  client: AdminClient,
  productId: string,
): Promise<Array<{ id: string; mediaIds: string[] }>> {
  const out: Array<{ id: string; mediaIds: string[] }> = [];
  let after: string | null = null;
  for (let page = 0; page < 25; page++) {
    const data: VariantPage = await client.request<VariantPage>(VARIANT_MEDIA, { id: productId, after });
    if (!data.product) break;
    out.push(...data.product.variants.nodes.map((v) => ({ id: v.id, mediaIds: v.media.nodes.map((m) => m.id) })));
    const info = data.product.variants.pageInfo;
    if (!info.hasNextPage || !info.endCursor) break;
    after = info.endCursor;
  }
  return out;
}

async function variantsShowing(client: AdminClient, productId: string, mediaId: string): Promise<string[]> {
  return (await variantMedia(client, productId)).filter((v) => v.mediaIds.includes(mediaId)).map((v) => v.id);
}

/** Attaches the new media to the variants that showed the old one (skipping those that already show it). */
async function attachToVariants(
  client: AdminClient,
  productId: string,
  mediaId: string,
  variantIds: string[],
): Promise<void> {
  if (variantIds.length === 0) return;
  const current = new Map((await variantMedia(client, productId)).map((v) => [v.id, v.mediaIds]));
  const todo = variantIds.filter((id) => !(current.get(id) ?? []).includes(mediaId));
  if (todo.length === 0) return;
  const r = await client.request<{ productVariantAppendMedia: { userErrors: UserError[] } }>(APPEND_VARIANT_MEDIA, {
    productId,
    variantMedia: todo.map((variantId) => ({ variantId, mediaIds: [mediaId] })),
  });
  const err = userErrorsMessage(r.productVariantAppendMedia.userErrors);
  if (err)
    throw new ShopifyError(
      `The new image is on the product, but Shopify did not show it on every variant that used the old one: ${err}`,
      { transient: true, code: "VARIANT_MEDIA_REJECTED" },
    );
}
