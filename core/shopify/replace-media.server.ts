// Puts new bytes (already staged: resourceUrl) on a product image in place: fileUpdate({id,
// originalSource}) keeps the media id, position, alt and variant links. When Shopify refuses an
// in-place replace, InPlaceRefused sends the caller to the fallback (replace-fallback.ts).
import type { AdminClient } from "./graphql-client.server";
import { ShopifyError, userErrorsMessage } from "./errors";
import { ACK_FAILED, REPLACE_IMAGE } from "./operations";

type UserError = { field: string[] | null; message: string; code?: string | null };

/** Codes that mean "this file cannot be replaced in place", for which the fallback applies. Loupe
 *  writes the original's format and extension, so these should not occur. */
const NEEDS_FALLBACK = new Set([
  "INVALID_FILENAME_EXTENSION",
  "MISMATCHED_FILENAME_AND_ORIGINAL_SOURCE",
  "UNSUPPORTED_MEDIA_TYPE_FOR_FILENAME_UPDATE",
]);
/** The file is busy: not READY, a pending operation, or "being modified by another operation". */
const RETRY_LATER = new Set(["NON_READY_STATE", "FILE_LOCKED", "MEDIA_CANNOT_BE_MODIFIED"]);

export class InPlaceRefused extends Error {
  constructor(
    readonly codes: string[],
    message: string,
  ) {
    super(message);
  }
}

export async function replaceInPlace(client: AdminClient, mediaId: string, resourceUrl: string): Promise<void> {
  const data = await client.request<{ fileUpdate: { files: Array<{ id: string }> | null; userErrors: UserError[] } }>(
    REPLACE_IMAGE,
    {
      files: [{ id: mediaId, originalSource: resourceUrl }],
    },
  );
  const errs = data.fileUpdate.userErrors;
  if (errs.length === 0) return;
  const codes = errs.map((e) => e.code ?? "");
  if (codes.includes("INVALID_FAILED_MEDIA_STATE")) {
    // A earlier update of this file failed and Shopify keeps it FAILED until that is acknowledged:
    // acknowledge (the file returns to READY with its previous content), then write again later.
    await client.request(ACK_FAILED, { ids: [mediaId] });
    throw new ShopifyError(
      "An earlier update of this photo had failed in Shopify and was still pending there; Loupe cleared it (the photo is unchanged) and will publish again shortly.",
      {
        transient: true,
        code: "INVALID_FAILED_MEDIA_STATE",
      },
    );
  }
  if (codes.some((c) => RETRY_LATER.has(c))) {
    const busy = codes.includes("MEDIA_CANNOT_BE_MODIFIED")
      ? "being changed by another operation in Shopify"
      : "still being processed by Shopify";
    throw new ShopifyError(`The image is ${busy}; Loupe will try again shortly.`, {
      transient: true,
      code: codes.join(","),
    });
  }
  if (codes.some((c) => NEEDS_FALLBACK.has(c))) throw new InPlaceRefused(codes, userErrorsMessage(errs)!);
  throw new ShopifyError(`Shopify refused to replace the image: ${userErrorsMessage(errs)}`, {
    transient: false,
    code: codes.join(",") || "FILE_UPDATE_REJECTED",
  });
}
