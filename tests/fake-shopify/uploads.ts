// Staged uploads: stagedUploadsCreate hands out a target; the app POSTs multipart form data to it
// (every parameter first, the file last, as S3/GCS policy uploads require). The bytes land in the store.
import { createHmac, randomBytes } from "node:crypto";
import sharp from "sharp";
import type { FakeStore } from "./store";

export const STAGED_HOST = "shopify-staged-uploads.storage.googleapis.com";
const POLICY_SECRET = "fake-gcs-policy-secret";

export function stagedUploadTarget(store: FakeStore, input: { filename: string; mimeType: string }) {
  const key = `tmp/${randomBytes(8).toString("hex")}/${input.filename.replace(/[^\w.-]/g, "_")}`;
  store.data.staged[key] = { sha: null, mimeType: input.mimeType, filename: input.filename, width: 0, height: 0 };
  store.markDirty();
  const policy = Buffer.from(JSON.stringify({ key, contentType: input.mimeType })).toString("base64");
  return {
    url: `https://${STAGED_HOST}/`,
    resourceUrl: `https://${STAGED_HOST}/${key}`,
    parameters: [
      { name: "Content-Type", value: input.mimeType },
      { name: "success_action_status", value: "201" },
      { name: "acl", value: "private" },
      { name: "key", value: key },
      { name: "x-goog-algorithm", value: "GOOG4-HMAC-SHA256" },
      { name: "policy", value: policy },
      { name: "x-goog-signature", value: createHmac("sha256", POLICY_SECRET).update(policy).digest("hex") },
    ],
  };
}

/** Handles the multipart POST. Returns [status, body]. */
export async function receiveUpload(store: FakeStore, req: Request): Promise<[number, string]> {
  if (store.takeFault(["UPLOAD_500"])) return [503, "<Error><Code>ServiceUnavailable</Code></Error>"];
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return [400, "<Error><Code>InvalidArgument</Code><Message>Expected multipart/form-data</Message></Error>"];
  }
  const entries = [...form.entries()];
  const last = entries[entries.length - 1];
  if (!last || last[0] !== "file" || typeof last[1] === "string")
    return [400, "<Error><Code>InvalidArgument</Code><Message>The file must be the last field</Message></Error>"];
  const fields = new Map(entries.slice(0, -1).map(([k, v]) => [k, String(v)]));
  const key = fields.get("key") ?? "";
  const meta = store.data.staged[key];
  const policy = fields.get("policy") ?? "";
  const sig = createHmac("sha256", POLICY_SECRET).update(policy).digest("hex");
  if (!meta || fields.get("x-goog-signature") !== sig)
    return [403, "<Error><Code>AccessDenied</Code><Message>Invalid policy or key</Message></Error>"];
  if (fields.get("Content-Type") !== meta.mimeType)
    return [
      400,
      "<Error><Code>InvalidArgument</Code><Message>Content-Type does not match the policy</Message></Error>",
    ];
  const bytes = Buffer.from(await (last[1] as Blob).arrayBuffer());
  if (bytes.length > 20 * 1024 * 1024) return [400, "<Error><Code>EntityTooLarge</Code></Error>"];
  let width = 0;
  let height = 0;
  try {
    const m = await sharp(bytes).metadata();
    width = m.width ?? 0;
    height = m.height ?? 0;
  } catch {
    // not an image: processing will fail later, like on Shopify
  }
  meta.sha = store.putBlob(bytes);
  meta.width = width;
  meta.height = height;
  store.markDirty();
  return [Number(fields.get("success_action_status") ?? 204), `<PostResponse><Key>${key}</Key></PostResponse>`];
}
