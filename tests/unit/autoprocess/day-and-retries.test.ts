import { describe, expect, it } from "vitest";
import { nextUtcMidnight, startOfUtcDay } from "../../../core/autoprocess/day";
import { RetryCounter } from "../../../core/autoprocess/retries";

describe("the cap's day is the UTC day", () => {
  it("starts at 00:00 UTC and ends at the next 00:00 UTC, across a month end", () => {
    expect(startOfUtcDay(new Date("2026-03-31T23:59:59.999Z")).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(nextUtcMidnight(new Date("2026-03-31T23:59:59.999Z")).toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(nextUtcMidnight(new Date("2026-04-01T00:00:00.000Z")).toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });
});

describe("RetryCounter", () => {
  it("hands out the delays in order, then null once, then starts over; per product", () => {
    const r = new RetryCounter([1000, 5000]);
    expect(r.next("s", "p1")).toBe(1000);
    expect(r.next("s", "p2")).toBe(1000);
    expect(r.next("s", "p1")).toBe(5000);
    expect(r.count("s", "p1")).toBe(2);
    expect(r.next("s", "p1")).toBeNull();
    expect(r.count("s", "p1")).toBe(0);
    expect(r.next("other", "p1")).toBe(1000);
    r.clear("s", "p2");
    expect(r.next("s", "p2")).toBe(1000);
  });
});
