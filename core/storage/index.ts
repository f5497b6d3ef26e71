// The process's storage, chosen by LOUPE_STORAGE: `fs` (default; LOUPE_STORAGE_DIR, ./storage) or `s3`
// (LOUPE_S3_BUCKET, LOUPE_S3_REGION, LOUPE_S3_ENDPOINT, AWS credential variables). Drivers share one
// contract test suite (tests/integration/storage/contract.test.ts).
import { config, env } from "../config.server";
import { blobUrlKey } from "./blob-url-key.server";
import { FsStorage } from "./fs-storage.server";
import { S3Storage } from "./s3-storage.server";
import type { Storage } from "./storage";

let current: Storage | null = null;

/** A driver from the environment (exported for the load test and tests of the selection). */
export function storageFromEnv(): Storage {
  const kind = env("LOUPE_STORAGE", "fs");
  if (kind === "fs") return new FsStorage(config.storageDir, blobUrlKey());
  if (kind === "s3") {
    const bucket = env("LOUPE_S3_BUCKET", "");
    if (!bucket) throw new Error("LOUPE_STORAGE=s3 needs LOUPE_S3_BUCKET (and LOUPE_S3_REGION, or LOUPE_S3_ENDPOINT for an S3-compatible server)");
    return new S3Storage({ bucket, region: env("LOUPE_S3_REGION", env("AWS_REGION", "us-east-1")), endpoint: env("LOUPE_S3_ENDPOINT", "") || undefined });
  }
  throw new Error(`LOUPE_STORAGE=${kind} is not supported (use fs or s3)`);
}

export function getStorage(): Storage {
  return (current ??= storageFromEnv());
}

/** Tests swap drivers. */
export function setStorage(s: Storage | null): void {
  current = s;
}

export * from "./storage";
