// The load test's world, all on this machine: PostgreSQL (a throwaway server), Redis (redis-server on
// loopback), S3 (s3rver), the fake Shopify with a metering proxy in front. Each piece fails with the
// install line when its binary is missing.
import { spawnSync } from "node:child_process";
import { PG_INSTALL_HINT, pgBinDir, startPostgres, type PgServer } from "../../tests/support/postgres";
import { startS3, type S3Server } from "../../tests/support/s3";
import { startRedis, type RedisServer } from "../../tests/integration/queue/helpers/redis";
import { startFakeShopify, type FakeShopify } from "../../tests/fake-shopify/server";
import { startCostMeter, type CostMeter } from "./cost-meter";

export const APP = { apiKey: "loupe-loadtest-key", apiSecret: "loupe-loadtest-secret", appUrl: "http://127.0.0.1:9" };

export interface Infra {
  pg: PgServer;
  databaseUrl: string;
  redis: RedisServer;
  s3: S3Server;
  fake: FakeShopify;
  meter: CostMeter;
  /** The environment every Loupe process of the test runs with. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Every missing server binary, with its install line (empty when all are there). */
export function missingBinaries(): string[] {
  const missing: string[] = [];
  if (spawnSync("redis-server", ["--version"]).status !== 0)
    missing.push("redis-server: apt-get install -y redis-server");
  try {
    pgBinDir();
  } catch {
    missing.push(`PostgreSQL: ${PG_INSTALL_HINT}`);
  }
  return missing;
}

export async function startInfra(): Promise<Infra> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => console.error(`loadtest: stopping: ${String(err)}`));
  };
  try {
    const pg = await startPostgres();
    stops.push(() => pg.stop());
    const databaseUrl = await pg.createDatabase("loupe");
    const redis = await startRedis();
    stops.push(() => redis.stop());
    const s3 = await startS3("loupe-loadtest");
    stops.push(() => s3.stop());
    const fake = await startFakeShopify({ ...APP, seed: "empty", autoWebhooks: false });
    stops.push(() => fake.close());
    const meter = await startCostMeter(fake.url);
    stops.push(() => meter.close());
    const env = {
      DATABASE_URL: databaseUrl,
      QUEUE: "bullmq",
      REDIS_URL: redis.url,
      ...s3.env,
      LOUPE_FAKE_SHOPIFY: meter.url,
      SHOPIFY_API_KEY: APP.apiKey,
      SHOPIFY_API_SECRET: APP.apiSecret,
      SHOPIFY_APP_URL: APP.appUrl,
      LOUPE_ENGINE_FAST: "1",
      LOUPE_OWN_MIGRATOR: "1",
      NODE_ENV: "production",
    };
    return { pg, databaseUrl, redis, s3, fake, meter, env, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
