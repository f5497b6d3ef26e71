// Sends Shopify traffic to the local fake Shopify (tests/fake-shopify) when LOUPE_FAKE_SHOPIFY is set.
// It works at the fetch layer, under every Shopify library and our own clients, so the app runs its
// real code paths (token exchange, Admin GraphQL, staged uploads, CDN downloads) against the fake.
// Hostnames are rewritten, not trusted: code that checks "is this Shopify's CDN?" still sees the
// real hostname in the URL it was given.
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { config } from "../config.server";

const SHOPIFY_HOST =
  /(^|\.)(myshopify\.com|shopifycdn\.com|cdn\.shopify\.com|shopify-staged-uploads\.storage\.googleapis\.com)$/;

let installed = false;

export function fakeShopifyTarget(url: URL, base: string): URL | null {
  if (!SHOPIFY_HOST.test(url.hostname) || url.protocol !== "https:") return null;
  const target = new URL(base);
  // The fake sees which host was meant in the first path segment: /_host/<hostname>/<path>
  target.pathname = `/_host/${url.hostname}${url.pathname}`;
  target.search = url.search;
  return target;
}

export function installShopifyFetchRouting(base = config.fakeShopify): void {
  if (!base || installed) return;
  installed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : null;
    const url = new URL(req ? req.url : String(input));
    const target = fakeShopifyTarget(url, base);
    if (!target) return realFetch(input, init);
    return req ? realFetch(new Request(target, req), init) : realFetch(target, init);
  };
  // @shopify/shopify-api's node adapter captured globalThis.fetch when it was imported (before this
  // ran): hand it the routed fetch too, so token exchange and refresh reach the fake.
  setAbstractFetchFunc(globalThis.fetch);
}
