// Serves storage blobs by signed URL (/blobs/<key>?exp&sig from getStorage().signedUrl). The
// signature is the authorization: no session needed, so <img> tags can load them. 403 when bad/expired.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getStorage } from "../../core/storage";
import { contentTypeOf } from "../../core/storage/storage";
import { blobUrlKey } from "../../core/storage/blob-url-key.server";
import { verifyBlobUrl } from "../../core/storage/signed-url.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // From the raw path (signedUrl encodes each segment), decoded exactly once.
  const key = safeDecode(url.pathname.replace(/^\/blobs\//, ""));
  const exp = url.searchParams.get("exp");
  if (!key || !verifyBlobUrl(key, exp, url.searchParams.get("sig"), blobUrlKey())) {
    return new Response("This link has expired or is not valid.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const bytes = await getStorage().get(key);
  if (!bytes)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // Keys are content-addressed (sha256), so the bytes never change: cache until the link expires.
  const maxAge = Math.max(0, Number(exp) - Math.floor(Date.now() / 1000));
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentTypeOf(key),
      "Content-Length": String(bytes.length),
      "Cache-Control": `private, max-age=${maxAge}, immutable`,
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}

function safeDecode(path: string): string {
  try {
    return path.split("/").map(decodeURIComponent).join("/");
  } catch {
    return "";
  }
}
