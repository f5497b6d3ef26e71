// Waits for a media to finish processing after a write: polls with backoff 1→2→4…30 s (scaled down in
// tests), gives up after ~10 min. After an in-place write, READY counts only once the file's version
// (?v=) or updatedAt moved on from what it was before the write. On FAILED: acknowledges the failed update (which resets the file to
// READY with its previous content) and reports the failure in plain words.
import type { AdminClient } from "./graphql-client.server";
import { ShopifyError } from "./errors";
import { ACK_FAILED, MEDIA_STATUS } from "./operations";

export interface MediaState {
  id: string;
  status: string | null;
  fileStatus: string | null;
  updatedAt: string | null;
  mimeType: string | null;
  url: string | null;
  errors: Array<{ code: string; message: string | null }>;
}

interface StatusData {
  nodes: Array<null | {
    id: string;
    status?: string;
    fileStatus?: string;
    updatedAt?: string;
    mimeType?: string | null;
    fileErrors?: Array<{ code: string; message: string | null }>;
    mediaErrors?: Array<{ code: string; message: string | null }>;
    image?: { url: string } | null;
  }>;
}

export async function getMediaState(client: AdminClient, mediaId: string): Promise<MediaState | null> {
  const data = await client.request<StatusData>(MEDIA_STATUS, { ids: [mediaId] });
  const n = data.nodes[0];
  if (!n || n.status === undefined) return null;
  return {
    id: n.id,
    status: n.status ?? null,
    fileStatus: n.fileStatus ?? null,
    updatedAt: n.updatedAt ?? null,
    mimeType: n.mimeType ?? null,
    url: n.image?.url ?? null,
    errors: [...(n.fileErrors ?? []), ...(n.mediaErrors ?? [])],
  };
}

/** Poll timing. `scale` multiplies every delay (tests use 0.01); LOUPE_SHOPIFY_POLL_SCALE sets it process-wide. */
export interface PollOptions {
  scale?: number;
  timeoutMs?: number;
}

/** The file as it was before a write: READY is believed only once its version (?v=) or Shopify's
 *  updatedAt differs from this (right after fileUpdate Shopify can still show the old READY file). */
export interface Before {
  url: string | null;
  updatedAt: string | null;
}

/** Whether Shopify shows a new version of the file (Shopify's timestamps compared only with Shopify's). */
export function changedSince(st: { url: string | null; updatedAt: string | null }, before: Before): boolean {
  const v = (u: string | null) => {
    try {
      return u ? `${new URL(u).pathname}?v=${new URL(u).searchParams.get("v") ?? ""}` : null;
    } catch {
      return u;
    }
  };
  if (v(st.url) !== v(before.url)) return true;
  return !!st.updatedAt && !!before.updatedAt && st.updatedAt !== before.updatedAt;
}

function pollScale(opts: PollOptions): number {
  if (opts.scale !== undefined) return opts.scale;
  const env = Number(process.env.LOUPE_SHOPIFY_POLL_SCALE);
  return Number.isFinite(env) && env > 0 ? env : 1;
}

export function pollDelayMs(attempt: number, scale = 1): number {
  return Math.min(30_000, 1000 * 2 ** attempt) * scale;
}

const PLAIN_CODES: Record<string, string> = {
  IMAGE_PROCESSING_FAILURE: "Shopify could not process the image",
  INVALID_IMAGE_RESOLUTION: "the image resolution is not accepted by Shopify (at most 20 megapixels)",
  INVALID_IMAGE_FILE_SIZE: "the image file is too large for Shopify (at most 20 MB)",
  INVALID_IMAGE_ASPECT_RATIO: "the image is too narrow or too wide for Shopify",
  UNSUPPORTED_IMAGE_FILE_TYPE: "Shopify does not accept this image format",
};

export function failureMessage(errors: MediaState["errors"]): string {
  const parts = errors.map((e) => PLAIN_CODES[e.code] ?? e.message ?? e.code);
  return parts.length
    ? `Shopify rejected the new image: ${[...new Set(parts)].join("; ")}. Your store still shows the previous image.`
    : "Shopify could not process the new image. Your store still shows the previous image.";
}

/** Resolves with the READY state; throws a non-transient ShopifyError on FAILED (after acknowledging it). */
export async function waitUntilReady(
  client: AdminClient,
  mediaId: string,
  opts: PollOptions = {},
  before: Before | null = null,
): Promise<MediaState> {
  const scale = pollScale(opts);
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000 * scale);
  for (let attempt = 0; ; attempt++) {
    const st = await getMediaState(client, mediaId);
    if (!st)
      throw new ShopifyError("The image was removed from the product while Loupe was updating it.", {
        transient: false,
        code: "MEDIA_GONE",
      });
    if (
      st.status === "READY" &&
      (st.fileStatus === null || st.fileStatus === "READY") &&
      st.url &&
      (!before || changedSince(st, before))
    )
      return st;
    if (st.status === "FAILED" || st.fileStatus === "FAILED") {
      await client.request(ACK_FAILED, { ids: [mediaId] }).catch(() => undefined);
      throw new ShopifyError(failureMessage(st.errors), {
        transient: false,
        code: "PROCESSING_FAILED",
        detail: st.errors.map((e) => e.code).join(","),
      });
    }
    if (Date.now() > deadline) {
      throw new ShopifyError("Shopify is taking unusually long to process the image; Loupe will check again later.", {
        transient: true,
        code: "PROCESSING_TIMEOUT",
      });
    }
    await new Promise((r) => setTimeout(r, pollDelayMs(attempt, scale)));
  }
}
