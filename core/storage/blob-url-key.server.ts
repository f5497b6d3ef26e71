// The key that signs /blobs URLs: its own key, never the app secret itself (a leaked blob URL must
// not help anyone forge webhooks or session tokens). LOUPE_BLOB_URL_KEY sets it; otherwise it is
// derived from the app secret with HKDF under a label of its own (domain separation).
import { hkdfSync } from "node:crypto";
import { config } from "../config.server";

const LABEL = "loupe/blob-urls/v1";

export function blobUrlKey(env: Record<string, string | undefined> = process.env, appSecret = config.apiSecret): Buffer {
  const configured = env.LOUPE_BLOB_URL_KEY;
  if (configured) return Buffer.from(configured, "utf8");
  return Buffer.from(hkdfSync("sha256", appSecret, "loupe", LABEL, 32));
}
