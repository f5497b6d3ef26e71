import { describe, expect, it } from "vitest";
import { startAutoProcessing } from "../../../app/autoprocess/scheduler.server";

describe("startAutoProcessing", () => {
  it("ticks every interval, never two at once, and stop() waits for the tick in flight", async () => {
    let running = 0;
    let maxRunning = 0;
    let ticks = 0;
    let finished = 0;
    const processor = {
      async tick() {
        ticks++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        finished++;
        return { products: 0, jobs: 0, deferred: 0, capped: 0 };
      },
    };
    const handle = startAutoProcessing({ intervalMs: 5, processor });
    await new Promise((r) => setTimeout(r, 200));
    await handle.stop();
    const after = ticks;
    expect(after).toBeGreaterThanOrEqual(3);
    expect(after).toBeLessThanOrEqual(8); // 30 ms per tick + 5 ms gap in 200 ms: ticks do not overlap
    expect(maxRunning).toBe(1);
    expect(finished).toBe(after);
    await new Promise((r) => setTimeout(r, 60));
    expect(ticks).toBe(after);
  });

  it("keeps going after a tick throws", async () => {
    let ticks = 0;
    const processor = {
      async tick() {
        ticks++;
        if (ticks === 1) throw new Error("database is locked");
        return { products: 0, jobs: 0, deferred: 0, capped: 0 };
      },
    };
    const handle = startAutoProcessing({ intervalMs: 5, processor });
    await new Promise((r) => setTimeout(r, 80));
    await handle.stop();
    expect(ticks).toBeGreaterThan(2);
  });
});
