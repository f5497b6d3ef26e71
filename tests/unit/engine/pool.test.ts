// The pool runs pixel work off the caller's event loop and isolates failures per image.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnginePool, RetouchInputError, retouch } from "../../../workers/retouch/index";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";

let pool: EnginePool;

beforeAll(() => {
  process.env.LOUPE_ENGINE_FAST = "1";
  pool = new EnginePool({ threads: 2 });
});
afterAll(async () => {
  await pool.close();
  delete process.env.LOUPE_ENGINE_FAST;
});

describe("EnginePool", () => {
  it("keeps the caller's event loop responsive while images are processed", async () => {
    const png = await fixturePng(makeFixture({ size: 640, seed: 41 }));
    let ticks = 0;
    let maxGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 10);
    const outs = await Promise.all([
      pool.retouch(png, { size: 512 }),
      pool.retouch(png, { size: 512 }),
      pool.retouch(png, { size: 512 }),
    ]);
    clearInterval(timer);
    expect(outs.every((o) => o.width === 640)).toBe(true);
    expect(ticks).toBeGreaterThan(5);
    // Structured-clone of results is the only main-thread work. Run in-thread, these three images
    // would block the loop for several seconds; the bound leaves room for a busy CI machine.
    expect(maxGap).toBeLessThan(600);
  });

  it("a bad file fails alone; the next one succeeds", async () => {
    const png = await fixturePng(makeFixture({ size: 320, seed: 42 }));
    const results = await Promise.allSettled([pool.retouch(Buffer.from("garbage")), pool.retouch(png, { size: 256 })]);
    expect(results[0].status).toBe("rejected");
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(RetouchInputError);
    expect(results[1].status).toBe("fulfilled");
  });

  it("retouch() runs on a lazily created shared pool whose idle threads do not hold the process", async () => {
    const png = await fixturePng(makeFixture({ size: 320, seed: 43 }));
    const o = await retouch(png, { size: 256, format: "png" });
    expect(o.compositeMime).toBe("image/png");
    expect(o.report.timings.total).toBeGreaterThan(0);
    await expect(retouch(new Uint8Array(0))).rejects.toMatchObject({ code: "EMPTY" });
  });

  it("rejects after close", async () => {
    const p = new EnginePool({ threads: 1 });
    await p.close();
    await expect(p.retouch(new Uint8Array(10))).rejects.toThrow(/closed/);
  });
});

describe("EnginePool timeouts", () => {
  const standIn = new URL("./stand-in-thread.ts", import.meta.url);

  it("a stuck image fails alone past its timeout; its thread is replaced and the next image runs", async () => {
    const { EngineTimeoutError } = await import("../../../workers/retouch/index");
    const p = new EnginePool({ threads: 1, threadUrl: standIn });
    try {
      const first = await p.retouch(Buffer.from("ok"));
      const started = Date.now();
      const stuck = p.retouch(Buffer.from("hang"), {}, { timeoutMs: 300 });
      const next = p.retouch(Buffer.from("ok"), {}, { timeoutMs: 5_000 });
      const err = await stuck.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EngineTimeoutError);
      expect((err as Error).message).toMatch(
        /^The retouch engine was still working on this photo after 1 second, so Loupe stopped it\./,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      // One thread: the next image could only run because the stuck thread was terminated and replaced.
      const after = await next;
      expect(after.width).not.toBe(first.width);
    } finally {
      await p.close();
    }
  });
});
