// One ioredis connection per BullMQ object, with the options BullMQ requires of workers. BullMQ does
// not close connections it was handed, so their owners close them (see close() in the drivers).
import { Redis } from "ioredis";

export function redisConnection(url: string): Redis {
  const conn = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
  // ioredis reconnects by itself; report a lost Redis once per outage instead of throwing
  // "Unhandled error event" on every retry.
  let reported = false;
  conn.on("error", (err: Error) => {
    if (!reported) console.error(`queue: redis ${url.replace(/\/\/[^@]*@/, "//***@")}: ${err.message}`);
    reported = true;
  });
  conn.on("ready", () => (reported = false));
  return conn;
}
