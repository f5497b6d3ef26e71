// Uploads bytes to Shopify: stagedUploadsCreate (resource IMAGE, POST), then a multipart POST to the
// target with every parameter first and the file last. Returns the resourceUrl to pass as originalSource.
import type { AdminClient } from "./graphql-client.server";
import { ShopifyError, userErrorsMessage } from "./errors";
import { STAGED_UPLOAD } from "./operations";

interface StagedData {
  stagedUploadsCreate: {
    stagedTargets: Array<{ url: string; resourceUrl: string; parameters: Array<{ name: string; value: string }> }>;
    userErrors: Array<{ field: string[] | null; message: string }>;
  };
}

export async function stageUpload(
  client: AdminClient,
  file: { bytes: Uint8Array; mimeType: string; filename: string },
): Promise<string> {
  const data = await client.request<StagedData>(STAGED_UPLOAD, {
    input: [{ resource: "IMAGE", filename: file.filename, mimeType: file.mimeType, httpMethod: "POST" }],
  });
  const err = userErrorsMessage(data.stagedUploadsCreate.userErrors);
  if (err)
    throw new ShopifyError(`Shopify did not accept the upload: ${err}`, {
      transient: false,
      code: "STAGED_UPLOAD_REJECTED",
    });
  const target = data.stagedUploadsCreate.stagedTargets[0];
  if (!target)
    throw new ShopifyError("Shopify did not give Loupe a place to upload the image.", {
      transient: true,
      code: "NO_STAGED_TARGET",
    });

  const form = new FormData();
  for (const p of target.parameters) form.append(p.name, p.value);
  form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.filename);
  let res: Response;
  try {
    res = await fetch(target.url, { method: "POST", body: form, signal: AbortSignal.timeout(180_000) });
  } catch (cause) {
    throw new ShopifyError("Uploading the image to Shopify failed; Loupe will try again.", {
      transient: true,
      code: "UPLOAD_NETWORK",
      cause,
    });
  }
  if (!res.ok) {
    const body = (await res.text()).slice(0, 300);
    throw new ShopifyError(
      res.status >= 500 || res.status === 429
        ? "Uploading the image to Shopify failed; Loupe will try again."
        : "Shopify's upload server refused the image.",
      { transient: res.status >= 500 || res.status === 429, code: `UPLOAD_HTTP_${res.status}`, detail: body },
    );
  }
  await res.body?.cancel();
  return target.resourceUrl;
}
