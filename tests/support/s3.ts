// A throwaway S3-compatible server (s3rver, in this process) on 127.0.0.1 with one bucket, for the
// storage contract tests and the load test. s3rver accepts the fixed credentials S3RVER/S3RVER and
// checks a presigned URL's expiry but not its signature, so presigned requests pass through an
// independent SigV4 check first (./sigv4.ts): a tampered URL gets 403 as on real S3.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { verifyPresigned } from "./sigv4";

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface S3Server {
  endpoint: string;
  bucket: string;
  region: string;
  credentials: typeof S3RVER_CREDENTIALS;
  /** The environment a worker process needs to use this server (LOUPE_STORAGE=s3 …). */
  env: Record<string, string>;
  /** Presigned requests refused by the signature check (tests assert on it). */
  refused: () => number;
  stop(): Promise<void>;
}

export async function startS3(bucket = "loupe-test", port = 0): Promise<S3Server> {
  const dir = mkdtempSync(join(tmpdir(), "loupe-s3-"));
  const s3 = new S3rver({ silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  await s3.configureBuckets();
  const handle = s3.getMiddleware();
  let refused = 0;
  const http: Server = createServer((req, res) => {
    const raw = req.url ?? "/";
    if (raw.includes("X-Amz-Signature=")) {
      const check = verifyPresigned(req.method ?? "GET", raw, req.headers.host ?? "", {
        [S3RVER_CREDENTIALS.accessKeyId]: S3RVER_CREDENTIALS.secretAccessKey,
      });
      if (!check.ok) {
        refused++;
        res.writeHead(403, { "Content-Type": "application/xml" });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${check.reason === "expired" ? "AccessDenied" : "SignatureDoesNotMatch"}</Code><Message>${check.reason}</Message></Error>`,
        );
        return;
      }
    }
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => http.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  const endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const region = "us-east-1";
  return {
    endpoint,
    bucket,
    region,
    credentials: S3RVER_CREDENTIALS,
    env: {
      LOUPE_STORAGE: "s3",
      LOUPE_S3_BUCKET: bucket,
      LOUPE_S3_ENDPOINT: endpoint,
      LOUPE_S3_REGION: region,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    },
    refused: () => refused,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
