// The JSON API over HTTP (built app): session-token auth, shop scoping, status codes.
import type { PrismaClient } from "@prisma/client";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionToken } from "../../../app/demo/session-token.server";
import { startBuiltApp } from "./app-server";
import { API_KEY, API_SECRET, SHOP, startHarness, type Harness } from "./harness";

let h: Harness;
let app: { close(): Promise<void> };
let prisma: PrismaClient;
const OTHER = "someone-else.myshopify.com";

beforeAll(async () => {
  h = await startHarness();
  app = await startBuiltApp(h.port);
  prisma = (await import("../../../core/db.server")).db();
});
afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await h?.close();
});

const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
  const headers = new Headers(init.headers);
  const token = init.token === undefined ? h.token() : init.token;
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (init.body) headers.set("Content-Type", "application/json");
  return fetch(`${h.appUrl}${path}`, { ...init, headers, redirect: "manual" });
};

async function otherShopRows() {
  const batch = await prisma.batch.create({
    data: { shop: OTHER, source: "products", settingsHash: "h", status: "running", total: 1 },
  });
  const job = await prisma.imageJob.create({
    data: {
      shop: OTHER,
      batchId: batch.id,
      productId: "gid://shopify/Product/1",
      mediaId: "gid://shopify/MediaImage/1",
      settingsHash: "h",
      state: "review",
    },
  });
  return { batchId: batch.id, imageId: job.id };
}

describe("API authentication", () => {
  it("answers 401 JSON without a token, with a forged token, and with an expired one", async () => {
    const forged = (() => {
      const t = mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }).split(".");
      return `${t[0]}.${t[1]}.${createHmac("sha256", "wrong-secret").update(`${t[0]}.${t[1]}`).digest("base64url")}`;
    })();
    const expired = mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET, ttlSeconds: -120 });
    const wrongAudience = mintSessionToken({ shop: SHOP, apiKey: "another-app", apiSecret: API_SECRET });
    for (const token of [null, "not-a-jwt", forged, expired, wrongAudience]) {
      for (const [path, method] of [
        ["/api/batches", "POST"],
        ["/api/batches/x", "GET"],
        ["/api/images/x/approve", "POST"],
      ] as const) {
        const res = await call(path, {
          method,
          token,
          body: method === "POST" ? JSON.stringify({ productIds: ["gid://shopify/Product/1"] }) : undefined,
        });
        expect([path, String(token).slice(0, 10), res.status]).toEqual([path, String(token).slice(0, 10), 401]);
        expect(res.headers.get("content-type")).toMatch(/application\/json/);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe("UNAUTHORIZED");
      }
    }
    expect(await prisma.batch.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("answers CORS preflight", async () => {
    const res = await fetch(`${h.appUrl}/api/batches`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://extensions.shopifycdn.com",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("API batches and images", () => {
  it("creates a batch for a collection: 201 with id, status, total; then reads it back", async () => {
    const collectionId = h.fake.state().collections[0]!.id;
    // As an admin action extension calls it: cross-origin, so the answer carries CORS headers.
    const res = await call("/api/batches", {
      method: "POST",
      body: JSON.stringify({ collectionId }),
      headers: { Origin: "https://extensions.shopifycdn.com" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const { batch } = (await res.json()) as { batch: { id: string; status: string; total: number } };
    expect(batch.id).toMatch(/\S+/);
    expect(typeof batch.status).toBe("string");
    expect(typeof batch.total).toBe("number");
    const row = await prisma.batch.findUnique({ where: { id: batch.id } });
    expect(row).toMatchObject({ shop: SHOP, collectionId, source: "collection" });

    await prisma.imageJob.create({
      data: {
        shop: SHOP,
        batchId: batch.id,
        productId: "gid://shopify/Product/7",
        mediaId: "gid://shopify/MediaImage/70",
        settingsHash: "h",
        state: "review",
        processedBy: "worker-1",
        warnings: JSON.stringify([
          {
            code: "METAL_TONE_SHIFT",
            severity: "warning",
            message: "Metal tone moved",
            value: 3,
            threshold: 2,
            region: null,
          },
        ]),
      },
    });
    const get = await call(`/api/batches/${batch.id}`);
    expect(get.status).toBe(200);
    const view = (await get.json()) as {
      batch: {
        id: string;
        images: Array<{
          id: string;
          productId: string;
          mediaId: string;
          state: string;
          warnings: Array<{ code: string; severity: string }>;
          processedBy: string;
        }>;
      };
    };
    expect(view.batch.id).toBe(batch.id);
    expect(view.batch.images).toHaveLength(1);
    expect(view.batch.images[0]).toMatchObject({
      productId: "gid://shopify/Product/7",
      mediaId: "gid://shopify/MediaImage/70",
      state: "review",
      processedBy: "worker-1",
      warnings: [{ code: "METAL_TONE_SHIFT", severity: "warning" }],
    });

    const approve = await call(`/api/images/${view.batch.images[0]!.id}/approve`, { method: "POST" });
    expect(approve.status).toBe(200);
    expect(((await approve.json()) as { image: { state: string } }).image.state).toBe("approved");
    const again = await call(`/api/images/${view.batch.images[0]!.id}/revert`, { method: "POST" });
    expect(again.status).toBe(409);
  });

  it("creates a batch for products (201) and refuses a malformed request (400)", async () => {
    const ids = h.fake
      .state()
      .products.slice(0, 2)
      .map((p) => p.id);
    const res = await call("/api/batches", { method: "POST", body: JSON.stringify({ productIds: ids }) });
    expect(res.status).toBe(201);
    const bad = await call("/api/batches", { method: "POST", body: JSON.stringify({ productIds: ["nope"] }) });
    expect(bad.status).toBe(400);
    const empty = await call("/api/batches", { method: "POST", body: "{}" });
    expect(empty.status).toBe(400);
  });

  it("answers 404 for another shop's batch and image ids, and changes nothing", async () => {
    const { batchId, imageId } = await otherShopRows();
    expect((await call(`/api/batches/${batchId}`)).status).toBe(404);
    for (const action of ["approve", "reject", "publish", "revert"]) {
      const res = await call(`/api/images/${imageId}/${action}`, { method: "POST" });
      expect([action, res.status]).toEqual([action, 404]);
    }
    expect((await prisma.imageJob.findUnique({ where: { id: imageId } }))!.state).toBe("review");
    // The other shop's own token sees it (once Loupe is installed there too).
    h.fake.store.install(OTHER);
    const theirs = await call(`/api/batches/${batchId}`, {
      token: mintSessionToken({ shop: OTHER, apiKey: API_KEY, apiSecret: API_SECRET }),
    });
    expect(theirs.status).toBe(200);
  });
});

describe("embedded documents", () => {
  const BROWSER = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
    Accept: "text/html",
  };

  it("every HTML page says only the requesting shop and the admin may frame it", async () => {
    const { embeddedParams } = await import("../../../app/demo/session-token.server");
    for (const path of ["/app", "/app/settings"]) {
      const res = await fetch(`${h.appUrl}${path}?${embeddedParams(SHOP, h.token())}`, {
        headers: BROWSER,
        redirect: "manual",
      });
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(
        new RegExp(`^frame-ancestors https://${SHOP.replace(/\./g, "\\.")} https://admin\\.shopify\\.com[ ;]`),
      );
      await res.text();
    }
  });

  it("a page for no shop still refuses to be framed by anyone but the admin", async () => {
    const res = await fetch(`${h.appUrl}/app/no-such-page`, { headers: BROWSER, redirect: "manual" });
    expect(res.headers.get("content-type") ?? "").toMatch(/text\/html/);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors https://admin.shopify.com;");
    await res.text();
  });
});

describe("request sizes and malformed input", () => {
  // The library answers bots (isbot: a plain Node user agent) with 410; the admin is a browser.
  const BROWSER_UA = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
  };
  const PARSER_WORDS = /Unexpected|position|SyntaxError|JSON\.parse|is not a function|Cannot read/;

  it("refuses more product ids than one batch takes (400, plain words) and creates nothing", async () => {
    const before = await prisma.batch.count();
    const ids = Array.from({ length: 1001 }, (_, i) => `gid://shopify/Product/${i + 1}`);
    const res = await call("/api/batches", { method: "POST", body: JSON.stringify({ productIds: ids }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: "INVALID_REQUEST",
      message: "A batch takes at most 1000 products; start several batches, or retouch a collection.",
    });
    expect(await prisma.batch.count()).toBe(before);
  });

  it("answers 413 to a JSON body over 256 KB, and 400 to one that is not JSON, without echoing the parser", async () => {
    const before = await prisma.batch.count();
    const ids = Array.from({ length: 12_000 }, (_, i) => `gid://shopify/Product/${i + 1}`);
    const big = await call("/api/batches", { method: "POST", body: JSON.stringify({ productIds: ids }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: "TOO_LARGE",
      message: "The request body is larger than 256 KB.",
    });
    const bad = await call("/api/batches", { method: "POST", body: '{"productIds": [' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(PARSER_WORDS);
    expect(await prisma.batch.count()).toBe(before);
  });

  const post = (path: string, form: Record<string, string>) =>
    fetch(`${h.appUrl}${path}`, {
      method: "POST",
      headers: {
        ...BROWSER_UA,
        Authorization: `Bearer ${h.token()}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form),
      redirect: "manual",
    });

  it("settings: malformed settings JSON is a 400 in plain words, and nothing is saved", async () => {
    const before = await prisma.shop.findUnique({ where: { shop: SHOP } });
    for (const settings of ['{"background": ', "[1, 2]", "42"]) {
      const res = await post("/app/settings.data", { intent: "save", settings });
      const text = await res.text();
      expect([settings, res.status]).toEqual([settings, 400]);
      expect(text).toMatch(/The \\?"settings\\?" field (is not valid JSON|must be a JSON object)\./);
      expect(text).not.toMatch(PARSER_WORDS);
    }
    expect(await prisma.shop.findUnique({ where: { shop: SHOP } })).toEqual(before);
  });

  it("re-run: malformed spots or settings are a 400 in plain words, and the image stays as it is", async () => {
    const batch = await prisma.batch.create({
      data: { shop: SHOP, source: "products", settingsHash: "h", status: "running", total: 1 },
    });
    const job = await prisma.imageJob.create({
      data: {
        shop: SHOP,
        batchId: batch.id,
        productId: "gid://shopify/Product/1",
        mediaId: "gid://shopify/MediaImage/77",
        settingsHash: "h",
        state: "review",
      },
    });
    const cases: Array<Record<string, string>> = [
      { intent: "rerun", disabledSpots: "[1, 2" },
      { intent: "rerun", disabledSpots: "5" },
      { intent: "rerun", disabledSpots: '["a"]' },
      { intent: "rerun", settings: "{oops" },
      { intent: "rerun", settings: '"text"' },
    ];
    for (const form of cases) {
      const res = await post(`/app/images/${job.id}.data`, form);
      const text = await res.text();
      expect([form, res.status]).toEqual([form, 400]);
      expect(text).not.toMatch(PARSER_WORDS);
    }
    expect((await prisma.imageJob.findUnique({ where: { id: job.id } }))!.state).toBe("review");
  });

  it("forms over 256 KB are refused with 413", async () => {
    const res = await post("/app/settings.data", {
      intent: "save",
      settings: JSON.stringify({ background: "x".repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("The request body is larger than 256 KB.");
  });
});
