// One contract, two drivers: local (p-queue + SQLite) and bullmq (a real redis-server).
import { afterAll, beforeAll, describe } from "vitest";
import { startRedis, type RedisServer } from "./helpers/redis";
import { queueContract } from "./contract";

describe("local queue", () => {
  queueContract("local", () => "");
});

describe("bullmq queue", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  queueContract("bullmq", () => redis.url);
});
