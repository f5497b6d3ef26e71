// Blob storage for originals, results, cutouts, thumbnails and reports. Blobs are addressed by
// content hash under their shop, so the same bytes are stored once and a key never changes meaning.
export interface Storage {
  /** Stores bytes under `key` (overwrites). */
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<void>;
  /** The bytes under `key`, or null when absent. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  /** Deletes every blob whose key starts with `prefix` (a shop's blobs: `${shop}/`). Returns the count. */
  deletePrefix(prefix: string): Promise<number>;
  /** Lists keys under a prefix. */
  list(prefix: string): Promise<string[]>;
  /** A URL the UI can load the blob from, valid for `ttlSeconds`. */
  signedUrl(key: string, ttlSeconds?: number): Promise<string>;
}

const EXT: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/tiff": "tiff",
  "image/gif": "gif",
  "image/vnd.adobe.photoshop": "psd",
  "application/json": "json",
};

/** `shop/kind/sha256.ext` — content-addressed, scoped to the shop. */
export function blobKey(shop: string, kind: string, sha256: string, contentType: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/i.test(shop)) throw new Error(`invalid shop for a storage key: ${shop}`);
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new Error("blob keys need a sha256 hex digest");
  return `${shop}/${kind}/${sha256}.${EXT[contentType] ?? "bin"}`;
}

export function contentTypeOf(key: string): string {
  const ext = key.slice(key.lastIndexOf(".") + 1);
  return Object.entries(EXT).find(([, e]) => e === ext)?.[0] ?? "application/octet-stream";
}
