// Downloads originals from Shopify's CDN only: https, a Shopify CDN host, no redirect to another
// host, and a size cap. Returns the bytes with their sha256.
import { createHash } from "node:crypto";
import { ShopifyError } from "./errors";

export const DEFAULT_MAX_DOWNLOAD_BYTES = 40 * 1024 * 1024;
const MAX_REDIRECTS = 3;

/** Shopify's CDN hostnames: cdn.shopify.com and subdomains of shopifycdn.com / shopifycdn.net. */
export function isShopifyCdnUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  if (url.port && url.port !== "443") return false;
  const h = url.hostname.toLowerCase();
  return h === "cdn.shopify.com" || /^([a-z0-9-]+\.)+shopifycdn\.(com|net)$/.test(h) || h === "shopifycdn.com";
}

export interface Download {
  bytes: Buffer;
  sha256: string;
  contentType: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function downloadOriginal(url: string, opts: { maxBytes?: number } = {}): Promise<Download> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  if (!isShopifyCdnUrl(url)) {
    throw new ShopifyError("This image is not on Shopify's image server, so Loupe will not download it.", {
      transient: false,
      code: "NOT_SHOPIFY_CDN",
      detail: url,
    });
  }
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let res: Response;
    try {
      res = await fetch(current, { redirect: "manual", signal: AbortSignal.timeout(120_000) });
    } catch (err) {
      throw new ShopifyError("Loupe could not download the original photo from Shopify; it will try again.", {
        transient: true,
        code: "NETWORK",
        cause: err,
      });
    }
    if (res.status >= 300 && res.status < 400) {
      const loc = res.headers.get("location");
      await res.body?.cancel();
      if (!loc)
        throw new ShopifyError("Shopify's image server sent an empty redirect.", {
          transient: true,
          code: "BAD_REDIRECT",
        });
      const next = new URL(loc, current);
      if (next.hostname !== new URL(current).hostname || next.protocol !== "https:") {
        throw new ShopifyError(
          "The image download was redirected away from Shopify's image server, so Loupe stopped.",
          { transient: false, code: "REDIRECT_OFF_HOST", detail: next.href },
        );
      }
      current = next.href;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ShopifyError(
        res.status === 404 || res.status === 410
          ? "The original photo is no longer on Shopify."
          : "Shopify's image server did not return the photo; Loupe will try again.",
        { transient: !(res.status === 404 || res.status === 410), code: `HTTP_${res.status}` },
      );
    }
    const declared = Number(res.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel();
      throw tooLarge(maxBytes);
    }
    const bytes = await readCapped(res, maxBytes);
    return {
      bytes,
      sha256: sha256Hex(bytes),
      contentType: (res.headers.get("content-type") ?? "application/octet-stream").split(";")[0]!.trim(),
    };
  }
  throw new ShopifyError("The image download was redirected too many times.", {
    transient: false,
    code: "TOO_MANY_REDIRECTS",
  });
}

function tooLarge(maxBytes: number): ShopifyError {
  return new ShopifyError(
    `The original photo is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, which Loupe does not process.`,
    { transient: false, code: "TOO_LARGE" },
  );
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
