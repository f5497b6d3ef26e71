// S3-compatible driver (AWS S3, MinIO, R2, …): LOUPE_STORAGE=s3 with LOUPE_S3_BUCKET, LOUPE_S3_REGION,
// LOUPE_S3_ENDPOINT (custom endpoints use path-style addressing) and the standard AWS credential
// variables (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, instance roles: the SDK's chain).
// Keys are the same content-addressed `shop/kind/sha256.ext` as on disk; signed URLs are presigned
// GETs that expire, so the UI loads blobs straight from the bucket.
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { contentTypeOf, type Storage } from "./storage";

export interface S3StorageOptions {
  bucket: string;
  region?: string;
  /** A custom endpoint (MinIO, R2, a test server); switches to path-style addressing. */
  endpoint?: string;
  /** Explicit credentials; default: the AWS SDK's provider chain (environment, profile, role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** S3's own cap on presigned URL lifetime (SigV4). */
const MAX_TTL_SECONDS = 7 * 24 * 3600;
const DELETE_BATCH = 1000;

export class S3Storage implements Storage {
  readonly bucket: string;
  private readonly s3: S3Client;

  constructor(options: S3StorageOptions) {
    if (!options.bucket) throw new Error("the S3 storage driver needs a bucket (LOUPE_S3_BUCKET)");
    this.bucket = options.bucket;
    const cfg: S3ClientConfig = { region: options.region || "us-east-1" };
    if (options.endpoint) {
      cfg.endpoint = options.endpoint;
      cfg.forcePathStyle = true;
    }
    if (options.credentials) cfg.credentials = options.credentials;
    this.s3 = new S3Client(cfg);
  }

  async put(key: string, bytes: Uint8Array, contentType?: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: checkKey(key), Body: bytes, ContentType: contentType ?? contentTypeOf(key), ContentLength: bytes.byteLength }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      if (!out.Body) return Buffer.alloc(0);
      return Buffer.from(await out.Body.transformToByteArray());
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async deletePrefix(prefix: string): Promise<number> {
    if (!prefix) throw new Error("refusing to delete the whole storage");
    const keys = await this.list(prefix);
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const chunk = keys.slice(i, i + DELETE_BATCH);
      const out = await this.s3.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true } }));
      if (out.Errors?.length) throw new Error(`S3 refused to delete ${out.Errors.length} blob(s) under ${prefix}: ${out.Errors[0]?.Code} ${out.Errors[0]?.Message}`);
    }
    return keys.length;
  }

  async signedUrl(key: string, ttlSeconds = 3600): Promise<string> {
    const expiresIn = Math.min(Math.max(1, Math.floor(ttlSeconds)), MAX_TTL_SECONDS);
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key), ResponseContentType: contentTypeOf(key) }), { expiresIn });
  }

  /** Closes the client's sockets (tests, shutdown). */
  destroy(): void {
    this.s3.destroy();
  }
}

/** The same rule as the filesystem driver: relative keys without `.`/`..` segments. */
function checkKey(key: string): string {
  const parts = key.split("/");
  if (!key || key.startsWith("/") || parts.some((p) => p === "" || p === "." || p === "..")) throw new Error(`storage key escapes the storage folder: ${key}`);
  return key;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}
