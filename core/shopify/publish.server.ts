// Writes an image to a product AT MOST ONCE per (jobId, kind, sha256), even across crashes:
//   ledger intent → staged upload → fileUpdate (in place) → READY → ledger ready.
// A second call for the same triple returns the first result (alreadyDone). When an intent exists
// without completion (a crash mid-write), Loupe looks at the media's current bytes on Shopify before
// writing again: if they are already ours, or the media changed after the intent, the write happened.
import type { MediaLedger } from "@prisma/client";
import { getAdminClient, type AdminClient } from "./admin-client.server";
import { downloadOriginal, isShopifyCdnUrl, sha256Hex } from "./cdn.server";
import { ShopifyError, isShopifyError } from "./errors";
import { findEntry, markEntry, recordIntent, type LedgerKind } from "./ledger.server";
import {
  changedSince,
  getMediaState,
  waitUntilReady,
  type Before,
  type MediaState,
  type PollOptions,
} from "./media-status.server";
import { listProductImages } from "./media-pull.server";
import { InPlaceRefused, replaceInPlace } from "./replace-media.server";
import { finishFallback, replaceByAddAndDetach } from "./replace-fallback.server";
import { stageUpload } from "./staged-upload.server";
import { rememberOwnWrite } from "./seen-media.server";
import { sameImageUrl } from "./loop-guard.server";

export interface PublishInput {
  shop: string;
  jobId: string;
  productId: string;
  mediaId: string;
  bytes: Uint8Array;
  mimeType: string;
  filename: string;
  kind: LedgerKind;
  /** The photo Loupe retouched (its URL with ?v=). When Shopify now shows another version, the
   *  merchant changed the photo since: nothing is written (SOURCE_CHANGED). Absent for reverts. */
  expectedSourceUrl?: string | null;
}

export interface PublishResult {
  url: string;
  sha256: string;
  alreadyDone: boolean;
  /** The media now showing the image: the same id, unless the add/detach fallback was needed. */
  mediaId: string;
}

export interface PublishOptions {
  client?: AdminClient;
  poll?: PollOptions;
}

export async function publishMedia(input: PublishInput, opts: PublishOptions = {}): Promise<PublishResult> {
  const sha256 = sha256Hex(input.bytes);
  const client = opts.client ?? (await getAdminClient(input.shop));
  const poll = opts.poll ?? {};

  let entry = await findEntry(input.jobId, input.kind, sha256);
  if (entry?.state === "ready")
    return { url: entry.urlAfterWrite ?? "", sha256, alreadyDone: true, mediaId: entry.mediaId };

  if (entry && entry.state !== "failed") {
    const recovered = await recoverInterrupted(client, entry, input, sha256, poll);
    if (recovered) return recovered;
  }

  const current = await getMediaState(client, input.mediaId);
  if (!current)
    throw new ShopifyError("This image is no longer on the product in Shopify.", {
      transient: false,
      code: "MEDIA_GONE",
    });
  if (current.status !== "READY") {
    throw new ShopifyError("Shopify is still processing this image; Loupe will publish it once Shopify is done.", {
      transient: true,
      code: "NOT_READY",
    });
  }
  if (input.expectedSourceUrl && !(current.url && sameImageUrl(current.url, input.expectedSourceUrl))) {
    throw new ShopifyError(
      "The photo in Shopify changed after Loupe retouched it, so Loupe did not replace it. Run the image again to retouch the new photo.",
      {
        transient: false,
        code: "SOURCE_CHANGED",
        detail: `${input.expectedSourceUrl} → ${current.url ?? "none"}`,
      },
    );
  }
  const previousSha = await currentSha(current);

  if (!entry) {
    entry = await recordIntent({
      shop: input.shop,
      productId: input.productId,
      mediaId: input.mediaId,
      jobId: input.jobId,
      kind: input.kind,
      sha256,
      previousSha,
      urlBefore: current.url,
      updatedAtBefore: current.updatedAt,
    });
    if (!entry) {
      // Another worker recorded the same intent a moment ago: let it finish; report as done by it.
      const other = await findEntry(input.jobId, input.kind, sha256);
      if (other?.state === "ready")
        return { url: other.urlAfterWrite ?? "", sha256, alreadyDone: true, mediaId: other.mediaId };
      throw new ShopifyError("This image is being published by another worker right now.", {
        transient: true,
        code: "IN_FLIGHT",
      });
    }
  } else {
    entry = await markEntry(entry.id, "intent", { error: null });
  }

  if (previousSha === sha256 && current.url) {
    // Shopify already shows exactly these bytes (e.g. reverting an image that was never changed).
    await markEntry(entry.id, "ready", { urlAfterWrite: current.url });
    return { url: current.url, sha256, alreadyDone: true, mediaId: input.mediaId };
  }

  return write(client, entry, input, sha256, poll, { url: current.url, updatedAt: current.updatedAt });
}

async function write(
  client: AdminClient,
  entry: MediaLedger,
  input: PublishInput,
  sha256: string,
  poll: PollOptions,
  before: Before,
): Promise<PublishResult> {
  try {
    const resourceUrl = await stageUpload(client, {
      bytes: input.bytes,
      mimeType: input.mimeType,
      filename: input.filename,
    });
    await markEntry(entry.id, "uploaded");
    let mediaId = input.mediaId;
    try {
      await replaceInPlace(client, input.mediaId, resourceUrl);
      await markEntry(entry.id, "written");
    } catch (err) {
      if (!(err instanceof InPlaceRefused)) throw err;
      const img = (await listProductImages(client, input.productId)).find((i) => i.mediaId === input.mediaId);
      if (!img)
        throw new ShopifyError("This image is no longer on the product in Shopify.", {
          transient: false,
          code: "MEDIA_GONE",
        });
      // The new media's id is in the ledger before it is moved or the old one detached (resumable).
      mediaId = await replaceByAddAndDetach(
        client,
        entry,
        { productId: input.productId, oldMediaId: input.mediaId, alt: img.alt, resourceUrl },
        poll,
      );
      await markEntry(entry.id, "written", { mediaId });
    }
    // In place, the first polls can still show the old READY file: wait for its version to move on.
    const ready = await waitUntilReady(client, mediaId, poll, mediaId === input.mediaId ? before : null);
    await markEntry(entry.id, "ready", { urlAfterWrite: ready.url, mediaId });
    await rememberOwnWrite({ shop: entry.shop, productId: entry.productId, mediaId, url: ready.url });
    return { url: ready.url!, sha256, alreadyDone: false, mediaId };
  } catch (err) {
    // A transient failure leaves the intent: the next attempt checks Shopify before writing again.
    if (isShopifyError(err) && !err.transient) await markEntry(entry.id, "failed", { error: err.message });
    throw err;
  }
}

/** An intent without completion: did the write reach Shopify? Returns the result if it did. */
async function recoverInterrupted(
  client: AdminClient,
  entry: MediaLedger,
  input: PublishInput,
  sha256: string,
  poll: PollOptions,
): Promise<PublishResult | null> {
  if (entry.mediaId !== input.mediaId && entry.state === "uploaded") {
    // A fallback was interrupted after the new media was added: finish it on that media, never add again.
    await finishFallback(client, entry, input.productId, input.mediaId, poll);
    await markEntry(entry.id, "written");
    const ready = await waitUntilReady(client, entry.mediaId, poll);
    return settle(entry, ready, sha256);
  }
  if (entry.state === "written") {
    const ready = await waitUntilReady(client, entry.mediaId, poll);
    return settle(entry, ready, sha256);
  }
  const st = await getMediaState(client, entry.mediaId);
  if (!st) return null;
  if (st.status === "PROCESSING" || st.status === "UPLOADED") {
    // Something is being written right now: most likely our interrupted fileUpdate.
    const ready = await waitUntilReady(client, entry.mediaId, poll);
    return settle(entry, ready, sha256);
  }
  const cur = await currentSha(st);
  if (cur === sha256) return settle(entry, st, sha256);
  if (cur !== null && cur === entry.previousSha) return null; // the write never happened: write now
  // The bytes changed since the intent but are not byte-equal to ours (Shopify re-encodes on real
  // stores): if Shopify shows another version than when the intent was recorded (its URL ?v= or its
  // updatedAt, compared with Shopify's own values), treat the write as done (at most once).
  if (
    (entry.urlBefore || entry.updatedAtBefore) &&
    changedSince(st, { url: entry.urlBefore, updatedAt: entry.updatedAtBefore })
  )
    return settle(entry, st, sha256);
  return null;
}

async function settle(entry: MediaLedger, st: MediaState, sha256: string): Promise<PublishResult> {
  await markEntry(entry.id, "ready", { urlAfterWrite: st.url });
  await rememberOwnWrite({ shop: entry.shop, productId: entry.productId, mediaId: entry.mediaId, url: st.url });
  return { url: st.url ?? "", sha256, alreadyDone: true, mediaId: entry.mediaId };
}

async function currentSha(st: MediaState): Promise<string | null> {
  if (!st.url || !isShopifyCdnUrl(st.url)) return null;
  try {
    return (await downloadOriginal(st.url)).sha256;
  } catch {
    return null;
  }
}
