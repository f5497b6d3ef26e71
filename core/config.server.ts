// Configuration from the environment, with the documented defaults (README "Configuration").
import { resolve } from "node:path";

export const DEMO_SHOP = "loupe-demo.myshopify.com";

export function env(name: string, fallback: string): string {
  const v = process.env[name];
  return v === undefined || v === "" ? fallback : v;
}

/** A credential: the public demo value outside production, never in production (fail closed). */
function credential(name: string, demoValue: string): string {
  const v = process.env[name];
  if (v) return v;
  if (process.env.NODE_ENV === "production")
    throw new Error(`${name} is not set: a production server needs the app's own credentials.`);
  return demoValue;
}

export const config = {
  get port() {
    return Number(env("PORT", "3000"));
  },
  get appUrl() {
    return env("SHOPIFY_APP_URL", `http://127.0.0.1:${this.port}`);
  },
  get apiKey() {
    return credential("SHOPIFY_API_KEY", "loupe-demo-api-key");
  },
  get apiSecret() {
    return credential("SHOPIFY_API_SECRET", "loupe-demo-api-secret");
  },
  get databaseUrl() {
    return env("DATABASE_URL", `file:${resolve("data/loupe.db")}`);
  },
  get storageDir() {
    return resolve(env("LOUPE_STORAGE_DIR", "storage"));
  },
  get queue(): "local" | "bullmq" {
    return env("QUEUE", "local") === "bullmq" ? "bullmq" : "local";
  },
  get redisUrl() {
    return env("REDIS_URL", "redis://127.0.0.1:6379");
  },
  /** Base URL of the fake Shopify, when Shopify traffic must go there (demo, tests). */
  get fakeShopify(): string | null {
    return process.env.LOUPE_FAKE_SHOPIFY || null;
  },
  get demo() {
    return process.env.LOUPE_DEMO === "1";
  },
};
