// A held task's lease is renewed while it runs, but never past maxHoldMs: a task stuck for good stops
// holding its row, which becomes claimable again.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Claims } from "../../../core/queue/claims.server";
import { TaskTracker } from "../../../core/queue/tracker.server";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("TaskTracker", () => {
  it("renews a lease every third of it, and stops after maxHoldMs", async () => {
    const renewed: number[] = [];
    const claims = { renew: async () => (renewed.push(Date.now()), true) } as unknown as Claims;
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const tracker = new TaskTracker(claims, 3_000, 10_000);
    const start = Date.now();
    tracker.add({ kind: "retouch", id: "job-1", shop: "a.myshopify.com", attempts: 1, workerId: "w" });
    await vi.advanceTimersByTimeAsync(9_500);
    expect(renewed.length).toBe(9); // every second
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewed.length).toBe(10);
    expect(Math.max(...renewed) - start).toBeLessThanOrEqual(10_000);
    expect(errors.mock.calls.some((c) => String(c[0]).includes("job-1 held past 10 s"))).toBe(true);
    errors.mockRestore();
  });
});
