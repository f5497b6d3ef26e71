// Test harness: a temp SQLite database and storage folder, the fake Shopify over HTTP, and the app's
// Shopify modules loaded with LOUPE_FAKE_SHOPIFY pointing at the fake (set before they are imported).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeShopify, type FakeShopify } from "../../fake-shopify/server";
import { testDatabaseUrl } from "../../support/database";
import { mintSessionToken } from "../../../app/demo/session-token.server";

export const API_KEY = "loupe-test-api-key";
export const API_SECRET = "loupe-test-api-secret";
export const SHOP = "loupe-demo.myshopify.com";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface Harness {
  fake: FakeShopify;
  dir: string;
  appUrl: string;
  port: number;
  /** Installs the app on a shop the way the admin does: a session token exchanged for an offline token. */
  install(shop?: string): Promise<void>;
  token(shop?: string): string;
  close(): Promise<void>;
}

export async function startHarness(
  opts: { seed?: "demo" | "empty"; statePath?: string; autoWebhooks?: boolean } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "loupe-shopify-"));
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    DATABASE_URL: await testDatabaseUrl(dir, "loupe.db"),
    LOUPE_STORAGE_DIR: join(dir, "storage"),
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: appUrl,
    PORT: String(port),
    LOUPE_SHOPIFY_POLL_SCALE: "0.02",
    LOUPE_DEBOUNCE_MS: "200",
  });
  const fake = await startFakeShopify({
    appUrl,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    seed: opts.seed ?? "demo",
    statePath: opts.statePath,
    autoWebhooks: opts.autoWebhooks ?? false,
  });
  process.env.LOUPE_FAKE_SHOPIFY = fake.url;
  fake.store.settings.processingMs = 60;
  // Test files may share a process: drop a Prisma client another file left on globalThis
  // (core/db.server.ts keeps one per process), so this file's database is the one used.
  const g = globalThis as { __loupePrisma?: { $disconnect(): Promise<void> } };
  await g.__loupePrisma?.$disconnect().catch(() => undefined);
  delete g.__loupePrisma;
  const { setupDatabase } = await import("../../../scripts/setup");
  process.env.LOUPE_OWN_MIGRATOR = "1";
  await setupDatabase(process.env.DATABASE_URL);
  const token = (shop = SHOP) => mintSessionToken({ shop, apiKey: API_KEY, apiSecret: API_SECRET });
  return {
    fake,
    dir,
    appUrl,
    port,
    token,
    async install(shop = SHOP) {
      fake.store.install(shop); // the merchant installs the app; then the admin hands out session tokens
      const { authenticate } = await import("../../../core/shopify/shopify-app.server");
      await authenticate.admin(
        new Request(`${appUrl}/api/batches`, { headers: { Authorization: `Bearer ${token(shop)}` } }),
      );
    },
    async close() {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
