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
  prisma = (await import("../../../app/db.server")).prisma;
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
  const batch = await prisma.batch.create({ data: { shop: OTHER, source: "products", settingsHash: "h", status: "running", total: 1 } });
  const job = await prisma.imageJob.create({ data: { shop: OTHER, batchId: batch.id, productId: "gid://shopify/Product/1", mediaId: "gid://shopify/MediaImage/1", settingsHash: "h", state: "review" } });
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
      for (const [path, method] of [["/api/batches", "POST"], ["/api/batches/x", "GET"], ["/api/images/x/approve", "POST"]] as const) {
        const res = await call(path, { method, token, body: method === "POST" ? JSON.stringify({ productIds: ["gid://shopify/Product/1"] }) : undefined });
        expect([path, String(token).slice(0, 10), res.status]).toEqual([path, String(token).slice(0, 10), 401]);
        expect(res.headers.get("content-type")).toMatch(/application\/json/);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe("UNAUTHORIZED");
      }
    }
    expect(await prisma.batch.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("answers CORS preflight", async () => {
    const res = await fetch(`${h.appUrl}/api/batches`, { method: "OPTIONS", headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("API batches and images", () => {
  it("creates a batch for a collection: 201 with id, status, total; then reads it back", async () => {
    const collectionId = h.fake.state().collections[0]!.id;
    // As an admin action extension calls it: cross-origin, so the answer carries CORS headers.
    const res = await call("/api/batches", { method: "POST", body: JSON.stringify({ collectionId }), headers: { Origin: "https://extensions.shopifycdn.com" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const { batch } = (await res.json()) as { batch: { id: string; status: string; total: number } };
    expect(batch.id).toMatch(/\S+/);
    expect(typeof batch.status).toBe("string");
    expect(typeof batch.total).toBe("number");
    const row = await prisma.batch.findUnique({ where: { id: batch.id } });
    expect(row).toMatchObject({ shop: SHOP, collectionId, source: "collection" });

    await prisma.imageJob.create({ data: { shop: SHOP, batchId: batch.id, productId: "gid://shopify/Product/7", mediaId: "gid://shopify/MediaImage/70", settingsHash: "h", state: "review", processedBy: "worker-1", warnings: JSON.stringify([{ code: "METAL_TONE_SHIFT", severity: "warning", message: "Metal tone moved", value: 3, threshold: 2, region: null }]) } });
    const get = await call(`/api/batches/${batch.id}`);
    expect(get.status).toBe(200);
    const view = (await get.json()) as { batch: { id: string; images: Array<{ id: string; productId: string; mediaId: string; state: string; warnings: Array<{ code: string; severity: string }>; processedBy: string }> } };
    expect(view.batch.id).toBe(batch.id);
    expect(view.batch.images).toHaveLength(1);
    expect(view.batch.images[0]).toMatchObject({ productId: "gid://shopify/Product/7", mediaId: "gid://shopify/MediaImage/70", state: "review", processedBy: "worker-1", warnings: [{ code: "METAL_TONE_SHIFT", severity: "warning" }] });

    const approve = await call(`/api/images/${view.batch.images[0]!.id}/approve`, { method: "POST" });
    expect(approve.status).toBe(200);
    expect(((await approve.json()) as { image: { state: string } }).image.state).toBe("approved");
    const again = await call(`/api/images/${view.batch.images[0]!.id}/revert`, { method: "POST" });
    expect(again.status).toBe(409);
  });

  it("creates a batch for products (201) and refuses a malformed request (400)", async () => {
    const ids = h.fake.state().products.slice(0, 2).map((p) => p.id);
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
    const theirs = await call(`/api/batches/${batchId}`, { token: mintSessionToken({ shop: OTHER, apiKey: API_KEY, apiSecret: API_SECRET }) });
    expect(theirs.status).toBe(200);
  });
});
