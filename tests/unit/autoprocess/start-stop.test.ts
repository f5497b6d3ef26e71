import { describe, expect, it } from "vitest";
import { startAutoProcessing } from "../../../core/autoprocess/scheduler.server";

const zero = { products: 0, jobs: 0, deferred: 0, capped: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(5);
  }
}

describe("startAutoProcessing", () => {
  it("ticks again and again, never two at once, and stop() waits for the tick in flight", async () => {
    let running = 0;
    let maxRunning = 0;
    let ticks = 0;
    let finished = 0;
    const processor = {
      async tick() {
        ticks++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(30);
        running--;
        finished++;
        return zero;
      },
    };
    const handle = startAutoProcessing({ intervalMs: 1, processor });
    await until(() => ticks >= 3 && running === 1); // stop in the middle of a tick
    await handle.stop();
    expect(running).toBe(0); // stop() returned only after the tick in flight finished
    expect(maxRunning).toBe(1);
    const after = ticks;
    expect(finished).toBe(after);
    await sleep(50);
    expect(ticks).toBe(after); // nothing after stop()
  });

  it("keeps going after a tick throws", async () => {
    let ticks = 0;
    const processor = {
      async tick() {
        ticks++;
        if (ticks === 1) throw new Error("database is locked");
        return zero;
      },
    };
    const handle = startAutoProcessing({ intervalMs: 1, processor });
    await until(() => ticks >= 3);
    await handle.stop();
    expect(ticks).toBeGreaterThanOrEqual(3);
  });
});
