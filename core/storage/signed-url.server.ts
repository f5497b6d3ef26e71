// Expiring, signed URLs to the app's /blobs route, for drivers without their own (the filesystem).
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBlobUrl(key: string, secret: string | Buffer, ttlSeconds: number, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const sig = createHmac("sha256", secret).update(`${key}\n${exp}`).digest("base64url");
  return `/blobs/${key.split("/").map(encodeURIComponent).join("/")}?exp=${exp}&sig=${sig}`;
}

export function verifyBlobUrl(key: string, exp: string | null, sig: string | null, secret: string | Buffer, now = Date.now()): boolean {
  if (!exp || !sig || !/^\d+$/.test(exp) || Number(exp) * 1000 < now) return false;
  const want = createHmac("sha256", secret).update(`${key}\n${exp}`).digest();
  const got = Buffer.from(sig, "base64url");
  return got.length === want.length && timingSafeEqual(got, want);
}
