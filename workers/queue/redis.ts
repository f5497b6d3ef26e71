// One ioredis connection per BullMQ object, with the options BullMQ requires of workers.
import { Redis } from "ioredis";

export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}
