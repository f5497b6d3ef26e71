// Originals come from Shopify's CDN only: host checks, no redirect to another host, a size cap.
// A small local server plays the CDN, reached through the same fetch routing the demo uses.
import { createServer, type Server } from "node:http";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadOriginal, isShopifyCdnUrl } from "../../../core/shopify/cdn.server";
import { ShopifyError } from "../../../core/shopify/errors";
import { installShopifyFetchRouting } from "../../../core/shopify/fetch-routing.server";

describe("isShopifyCdnUrl", () => {
  it.each([
    ["https://cdn.shopify.com/s/files/1/0000/0001/files/ring.jpg?v=1", true],
    ["https://loupe-demo.shopifycdn.com/s/files/ring.jpg", true],
    ["https://img.shopifycdn.net/x.jpg", true],
    ["http://cdn.shopify.com/s/files/ring.jpg", false],
    ["https://cdn.shopify.com.evil.example/ring.jpg", false],
    ["https://evilshopifycdn.com/ring.jpg", false],
    ["https://shopify.com/ring.jpg", false],
    ["https://user:pw@cdn.shopify.com/ring.jpg", false],
    ["https://cdn.shopify.com:8443/ring.jpg", false],
    ["https://127.0.0.1/ring.jpg", false],
    ["not a url", false],
  ])("%s → %s", (url, ok) => {
    expect(isShopifyCdnUrl(url)).toBe(ok);
  });
});

let server: Server;
const BYTES = Buffer.alloc(5000, 7);

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "";
    if (path.includes("/s/files/ok.jpg")) {
      res.writeHead(200, { "Content-Type": "image/jpeg" });
      return res.end(BYTES);
    }
    if (path.includes("/s/files/same-host-redirect")) {
      res.writeHead(302, { Location: "https://cdn.shopify.com/s/files/ok.jpg" });
      return res.end();
    }
    if (path.includes("/s/files/off-host-redirect")) {
      res.writeHead(302, { Location: "https://attacker.example/steal.jpg" });
      return res.end();
    }
    if (path.includes("/s/files/big.jpg")) {
      res.writeHead(200, { "Content-Type": "image/jpeg" }); // no Content-Length: streamed
      res.write(Buffer.alloc(3000));
      return res.end(Buffer.alloc(3000));
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  installShopifyFetchRouting(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("downloadOriginal", () => {
  it("returns the bytes with their sha256 and content type", async () => {
    const d = await downloadOriginal("https://cdn.shopify.com/s/files/ok.jpg?v=3");
    expect(d.bytes.equals(BYTES)).toBe(true);
    expect(d.sha256).toBe(createHash("sha256").update(BYTES).digest("hex"));
    expect(d.contentType).toBe("image/jpeg");
  });
  it("refuses a host that is not Shopify's CDN, without fetching", async () => {
    const err = await downloadOriginal("https://example.com/ring.jpg").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShopifyError);
    expect((err as ShopifyError).code).toBe("NOT_SHOPIFY_CDN");
    expect((err as ShopifyError).transient).toBe(false);
  });
  it("follows a redirect on the same host, but not to another host", async () => {
    expect((await downloadOriginal("https://cdn.shopify.com/s/files/same-host-redirect")).bytes.length).toBe(5000);
    const err = await downloadOriginal("https://cdn.shopify.com/s/files/off-host-redirect").catch((e: unknown) => e);
    expect((err as ShopifyError).code).toBe("REDIRECT_OFF_HOST");
  });
  it("stops at the size cap, even when the server does not declare a length", async () => {
    const err = await downloadOriginal("https://cdn.shopify.com/s/files/big.jpg", { maxBytes: 4000 }).catch(
      (e: unknown) => e,
    );
    expect((err as ShopifyError).code).toBe("TOO_LARGE");
    expect((await downloadOriginal("https://cdn.shopify.com/s/files/big.jpg", { maxBytes: 6000 })).bytes.length).toBe(
      6000,
    );
  });
  it("reports a missing original as permanent", async () => {
    const err = await downloadOriginal("https://cdn.shopify.com/s/files/gone.jpg").catch((e: unknown) => e);
    expect([(err as ShopifyError).code, (err as ShopifyError).transient]).toEqual(["HTTP_404", false]);
  });
});
