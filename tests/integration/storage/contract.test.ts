// One contract for every blob storage driver: the filesystem one (default) and the S3 one, the latter
// against a real S3-compatible server (s3rver on 127.0.0.1) started here. Blobs are content-addressed
// per shop (blobKey); a signed URL serves the bytes until it expires and nothing when tampered with.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobUrlKey } from "../../../core/storage/blob-url-key.server";
import { loader as blobsLoader } from "../../../app/routes/blobs.$";
import { FsStorage } from "../../../core/storage/fs-storage.server";
import { S3Storage } from "../../../core/storage/s3-storage.server";
import { setStorage } from "../../../core/storage";
import { blobKey, type Storage } from "../../../core/storage/storage";
import { startS3, type S3Server } from "../../support/s3";

interface Driver {
  name: string;
  start(): Promise<Storage>;
  /** Loads a signed URL the way the UI's browser would. */
  fetchSigned(url: string): Promise<Response>;
  stop(): Promise<void>;
}

function fsDriver(): Driver {
  let dir = "";
  return {
    name: "fs",
    async start() {
      dir = mkdtempSync(join(tmpdir(), "loupe-fs-contract-"));
      const s = new FsStorage(dir, blobUrlKey());
      setStorage(s); // the /blobs route serves from the process's storage
      return s;
    },
    async fetchSigned(url) {
      expect(url).toMatch(/^\/blobs\//);
      const request = new Request(`http://127.0.0.1${url}`);
      return blobsLoader({ request, params: {}, context: {} });
    },
    async stop() {
      setStorage(null);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function s3Driver(): Driver {
  let server: S3Server;
  let storage: S3Storage;
  return {
    name: "s3",
    async start() {
      server = await startS3();
      storage = new S3Storage({ bucket: server.bucket, region: server.region, endpoint: server.endpoint, credentials: server.credentials });
      return storage;
    },
    async fetchSigned(url) {
      expect(url.startsWith(`${server.endpoint}/${server.bucket}/`)).toBe(true);
      return fetch(url);
    },
    async stop() {
      storage?.destroy();
      await server?.stop();
    },
  };
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

for (const driver of [fsDriver(), s3Driver()]) {
  describe(`storage contract: ${driver.name}`, () => {
    let storage: Storage;
    beforeAll(async () => {
      storage = await driver.start();
    });
    afterAll(() => driver.stop());

    it("stores bytes exactly under a content-addressed key and reads them back", async () => {
      const bytes = new Uint8Array(randomBytes(300_000));
      bytes.set([0, 255, 0, 10, 13], 0);
      const key = blobKey("shop-a.myshopify.com", "original", sha256(bytes), "image/jpeg");
      expect(key).toBe(`shop-a.myshopify.com/original/${sha256(bytes)}.jpg`);
      expect(await storage.has(key)).toBe(false);
      expect(await storage.get(key)).toBeNull();
      await storage.put(key, bytes, "image/jpeg");
      expect(await storage.has(key)).toBe(true);
      const back = await storage.get(key);
      expect(back).not.toBeNull();
      expect(back!.length).toBe(bytes.length);
      expect(sha256(back!)).toBe(sha256(bytes));
    });

    it("overwrites a key, and stores empty blobs", async () => {
      await storage.put("shop-a.myshopify.com/report/x.json", Buffer.from('{"v":1}'));
      await storage.put("shop-a.myshopify.com/report/x.json", Buffer.from('{"v":2}'));
      expect((await storage.get("shop-a.myshopify.com/report/x.json"))!.toString()).toBe('{"v":2}');
      await storage.put("shop-a.myshopify.com/report/empty.json", new Uint8Array(0));
      expect((await storage.get("shop-a.myshopify.com/report/empty.json"))!.length).toBe(0);
      expect(await storage.has("shop-a.myshopify.com/report/empty.json")).toBe(true);
    });

    it("lists keys under a prefix, sorted, and nothing of other shops", async () => {
      await storage.put("shop-b.myshopify.com/result/b2.png", Buffer.from("2"));
      await storage.put("shop-b.myshopify.com/result/b1.png", Buffer.from("1"));
      await storage.put("shop-b.myshopify.com/thumb/t.webp", Buffer.from("t"));
      await storage.put("shop-bb.myshopify.com/result/other.png", Buffer.from("o"));
      expect(await storage.list("shop-b.myshopify.com/")).toEqual([
        "shop-b.myshopify.com/result/b1.png",
        "shop-b.myshopify.com/result/b2.png",
        "shop-b.myshopify.com/thumb/t.webp",
      ]);
      expect(await storage.list("shop-b.myshopify.com/result/")).toEqual(["shop-b.myshopify.com/result/b1.png", "shop-b.myshopify.com/result/b2.png"]);
      expect(await storage.list("shop-b.myshopify.com/result/b2")).toEqual(["shop-b.myshopify.com/result/b2.png"]);
      expect(await storage.list("nobody.myshopify.com/")).toEqual([]);
    });

    it("deletes a shop's blobs (uninstall, shop/redact) and only those", async () => {
      await storage.put("shop-c.myshopify.com/original/1.jpg", Buffer.from("1"));
      await storage.put("shop-c.myshopify.com/result/2.png", Buffer.from("2"));
      await storage.put("shop-cc.myshopify.com/original/keep.jpg", Buffer.from("k"));
      expect(await storage.deletePrefix("shop-c.myshopify.com/")).toBe(2);
      expect(await storage.list("shop-c.myshopify.com/")).toEqual([]);
      expect(await storage.has("shop-c.myshopify.com/original/1.jpg")).toBe(false);
      expect(await storage.has("shop-cc.myshopify.com/original/keep.jpg")).toBe(true);
      expect(await storage.deletePrefix("shop-c.myshopify.com/")).toBe(0);
      await expect(storage.deletePrefix("")).rejects.toThrow(/whole storage/);
    });

    it("rejects keys that escape the storage", async () => {
      await expect(storage.put("../escape.txt", Buffer.from("x"))).rejects.toThrow(/escapes/);
      await expect(storage.get("/etc/passwd")).rejects.toThrow(/escapes/);
    });

    it("signs URLs that serve the bytes with their type, refuse tampering, and expire", async () => {
      const bytes = new Uint8Array(randomBytes(50_000));
      const key = blobKey("shop-d.myshopify.com", "thumb", sha256(bytes), "image/webp");
      await storage.put(key, bytes, "image/webp");

      const url = await storage.signedUrl(key, 600);
      const ok = await driver.fetchSigned(url);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toBe("image/webp");
      expect(sha256(new Uint8Array(await ok.arrayBuffer()))).toBe(sha256(bytes));

      const otherKey = blobKey("shop-d.myshopify.com", "thumb", sha256(Buffer.from("other")), "image/webp");
      await storage.put(otherKey, Buffer.from("other"));
      const forged = url.replace(sha256(bytes), sha256(Buffer.from("other"))); // same signature, another blob
      const refused = await driver.fetchSigned(forged);
      expect(refused.status).toBe(403);
      await refused.arrayBuffer();

      const short = await storage.signedUrl(key, 1);
      await new Promise((r) => setTimeout(r, 2_100));
      const expired = await driver.fetchSigned(short);
      expect(expired.status).toBe(403);
      await expired.arrayBuffer();
    });
  });
}
