// LOUPE_STORAGE picks the driver; the S3 driver is configured from LOUPE_S3_* and refuses to start
// without a bucket; its presigned URLs use path style on a custom endpoint and carry the TTL.
import { afterEach, describe, expect, it } from "vitest";
import { storageFromEnv } from "../../../core/storage";
import { FsStorage } from "../../../core/storage/fs-storage.server";
import { S3Storage } from "../../../core/storage/s3-storage.server";

const KEYS = ["LOUPE_STORAGE", "LOUPE_S3_BUCKET", "LOUPE_S3_ENDPOINT", "LOUPE_S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("storage driver selection", () => {
  it("defaults to the filesystem", () => {
    delete process.env.LOUPE_STORAGE;
    expect(storageFromEnv()).toBeInstanceOf(FsStorage);
  });

  it("builds the S3 driver from LOUPE_S3_* and presigns path-style URLs with the TTL", async () => {
    Object.assign(process.env, {
      LOUPE_STORAGE: "s3",
      LOUPE_S3_BUCKET: "loupe-blobs",
      LOUPE_S3_ENDPOINT: "http://127.0.0.1:9000",
      LOUPE_S3_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "secret",
    });
    const s = storageFromEnv();
    expect(s).toBeInstanceOf(S3Storage);
    const url = new URL(await s.signedUrl("shop-a.myshopify.com/thumb/abc.webp", 900));
    expect(url.origin).toBe("http://127.0.0.1:9000");
    expect(url.pathname).toBe("/loupe-blobs/shop-a.myshopify.com/thumb/abc.webp");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("900");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
    expect(url.searchParams.get("response-content-type")).toBe("image/webp");
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    (s as S3Storage).destroy();
  });

  it("refuses S3 without a bucket, and unknown drivers", () => {
    process.env.LOUPE_STORAGE = "s3";
    delete process.env.LOUPE_S3_BUCKET;
    expect(() => storageFromEnv()).toThrow(/LOUPE_S3_BUCKET/);
    process.env.LOUPE_STORAGE = "gcs";
    expect(() => storageFromEnv()).toThrow(/not supported \(use fs or s3\)/);
  });
});
