// An independent check of AWS Signature V4 query-string (presigned) URLs, written from the spec
// (docs.aws.amazon.com "Authenticating Requests: Using Query Parameters"), because s3rver checks a
// presigned URL's expiry but not its signature. tests/support/s3.ts puts it in front of s3rver so a
// tampered or foreign URL is refused like real S3 would.
import { createHash, createHmac } from "node:crypto";

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

export type PresignCheck = { ok: true } | { ok: false; reason: string };

/**
 * Verifies a presigned request: `rawUrl` is the request target as received (path + query, still
 * encoded), `host` its Host header, `secrets` the secret key per access key id.
 */
export function verifyPresigned(
  method: string,
  rawUrl: string,
  host: string,
  secrets: Record<string, string>,
  now = Date.now(),
): PresignCheck {
  const q = rawUrl.indexOf("?");
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : rawUrl.slice(q + 1));
  const get = (k: string) => params.get(k) ?? "";
  if (get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") return { ok: false, reason: "not a SigV4 presigned URL" };
  const [accessKey, date, region, service, term] = get("X-Amz-Credential").split("/");
  const secret = accessKey ? secrets[accessKey] : undefined;
  if (!secret || !date || !region || service !== "s3" || term !== "aws4_request")
    return { ok: false, reason: "bad credential scope" };
  const amzDate = get("X-Amz-Date");
  const m = amzDate.match(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/);
  if (!m || !amzDate.startsWith(date)) return { ok: false, reason: "bad X-Amz-Date" };
  const signedAt = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (signedAt + Number(get("X-Amz-Expires")) * 1000 < now) return { ok: false, reason: "expired" };
  const signedHeaders = get("X-Amz-SignedHeaders").split(";");
  if (signedHeaders.join(";") !== "host")
    return { ok: false, reason: `unexpected signed headers ${signedHeaders.join(";")}` };
  const query = [...params.entries()]
    .filter(([k]) => k !== "X-Amz-Signature")
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonical = [method, path, query, `host:${host.trim()}\n`, "host", "UNSIGNED-PAYLOAD"].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonical).digest("hex")].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), "s3"), "aws4_request");
  const want = createHmac("sha256", key).update(toSign).digest("hex");
  return want === get("X-Amz-Signature") ? { ok: true } : { ok: false, reason: "signature does not match" };
}
