// Blob URLs are signed with their own key: derived from the app secret under a label of its own
// (HKDF), or LOUPE_BLOB_URL_KEY. A URL signed with the app secret itself opens nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { config } from "../../../core/config.server";
import { loader as blobsLoader } from "../../../app/routes/blobs.$";
import { setStorage, storageFromEnv } from "../../../core/storage";
import { blobUrlKey } from "../../../core/storage/blob-url-key.server";
import { signBlobUrl } from "../../../core/storage/signed-url.server";

const KEYS = ["LOUPE_STORAGE", "LOUPE_STORAGE_DIR", "LOUPE_BLOB_URL_KEY", "SHOPIFY_API_SECRET"];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  setStorage(null);
});

const open = (url: string) => blobsLoader({ request: new Request(`http://127.0.0.1${url}`), params: {}, context: {} });

describe("blob URL key", () => {
  it("is not the app secret, and a URL signed with the app secret is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "loupe-blobkey-"));
    try {
      Object.assign(process.env, { LOUPE_STORAGE: "fs", LOUPE_STORAGE_DIR: dir, SHOPIFY_API_SECRET: "shpss_0123456789abcdef" });
      delete process.env.LOUPE_BLOB_URL_KEY;
      const storage = storageFromEnv();
      setStorage(storage);
      const key = `shop.myshopify.com/results/${"a".repeat(64)}.jpg`;
      await storage.put(key, Buffer.from("pixels"), "image/jpeg");

      expect(blobUrlKey().equals(Buffer.from(config.apiSecret))).toBe(false);
      expect(blobUrlKey()).toHaveLength(32);
      const good = await open(await storage.signedUrl(key, 600));
      expect([good.status, await good.text()]).toEqual([200, "pixels"]);
      const withAppSecret = await open(signBlobUrl(key, config.apiSecret, 600));
      expect(withAppSecret.status).toBe(403);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("follows the app secret when derived, and LOUPE_BLOB_URL_KEY when configured", () => {
    delete process.env.LOUPE_BLOB_URL_KEY;
    const a = blobUrlKey(process.env, "secret-a");
    expect(blobUrlKey(process.env, "secret-a").equals(a)).toBe(true);
    expect(blobUrlKey(process.env, "secret-b").equals(a)).toBe(false);
    expect(blobUrlKey({ LOUPE_BLOB_URL_KEY: "a-key-of-its-own" }, "secret-a").toString()).toBe("a-key-of-its-own");
  });
});
