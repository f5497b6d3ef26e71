// Authentication for the JSON API (admin extensions, the UI's fetches, scripts): a session token in
// "Authorization: Bearer <JWT>" verified by authenticate.admin (HS256 with the app secret, aud = API
// key, dest = the shop). It answers CORS preflight itself. Anything without a valid token gets 401
// JSON — never a redirect or an HTML bounce page, which a fetch() caller cannot use.
import { authenticate } from "../../core/shopify/shopify-app.server";

export interface ApiContext {
  shop: string;
  json(body: unknown, status?: number): Response;
}

type Cors = (response: Response) => Response;

export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export function apiUnauthorized(): Response {
  return jsonResponse(
    {
      error: {
        code: "UNAUTHORIZED",
        message: "Open Loupe from your Shopify admin: this request has no valid session token.",
      },
    },
    401,
    {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Expose-Headers": "X-Shopify-Retry-Invalid-Session-Request",
    },
  );
}

/**
 * The request as authenticate.admin sees it: headers only (it never reads the body of a bearer
 * request, so the route can still read it), without User-Agent — the library turns away "bots"
 * with 410, which would refuse scripts and server-side callers that carry a valid session token.
 */
function forAuth(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete("user-agent");
  return new Request(request.url, { method: request.method, headers });
}

/** Authenticates or throws a Response (401 JSON, or the library's preflight answer). */
export async function authenticateApi(request: Request): Promise<ApiContext> {
  if (request.method !== "OPTIONS" && !/^Bearer \S+$/i.test(request.headers.get("authorization") ?? ""))
    throw apiUnauthorized();
  let session;
  let cors: Cors;
  try {
    ({ session, cors } = await authenticate.admin(forAuth(request)));
  } catch (err) {
    if (err instanceof Response) {
      if (request.method === "OPTIONS" && err.status < 300) throw err; // preflight answered by the library
      if (err.status === 401 || err.status === 403 || (err.status >= 300 && err.status < 400) || err.status === 400) {
        const res = apiUnauthorized();
        const retry = err.headers.get("X-Shopify-Retry-Invalid-Session-Request");
        if (retry) res.headers.set("X-Shopify-Retry-Invalid-Session-Request", retry);
        throw res;
      }
    }
    throw err;
  }
  return { shop: session.shop, json: (body, status = 200) => cors(jsonResponse(body, status)) };
}
