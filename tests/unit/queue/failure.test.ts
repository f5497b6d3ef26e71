import { describe, expect, it } from "vitest";
import { backoffMs, classify } from "../../../workers/jobs/failure";
import { ShopifyError } from "../../../core/shopify/errors";
import { RetouchInputError } from "../../../workers/retouch/errors";

describe("classify", () => {
  it("never retries a photo the engine refuses, and keeps its merchant message", () => {
    const f = classify(new RetouchInputError("TRUNCATED", "This photo file is cut short; upload it again."));
    expect(f).toEqual({
      transient: false,
      code: "TRUNCATED",
      message: "This photo file is cut short; upload it again.",
    });
  });

  it("follows ShopifyError.transient", () => {
    expect(classify(new ShopifyError("Busy.", { transient: true, code: "THROTTLED" }))).toEqual({
      transient: true,
      code: "THROTTLED",
      message: "Busy.",
    });
    expect(classify(new ShopifyError("Gone.", { transient: false, code: "MEDIA_GONE" })).transient).toBe(false);
  });

  it("retries 429 and 5xx, not other 4xx", () => {
    expect(classify(Object.assign(new Error("x"), { status: 429 })).transient).toBe(true);
    expect(classify(Object.assign(new Error("x"), { status: 503 })).transient).toBe(true);
    const f = classify(Object.assign(new Error("bad input"), { status: 422 }));
    expect(f.transient).toBe(false);
    expect(f.code).toBe("HTTP_422");
  });

  it("retries network failures with a plain message", () => {
    const f = classify(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } }));
    expect(f).toEqual({
      transient: true,
      code: "NETWORK",
      message: "A network connection failed; Loupe will try again.",
    });
  });

  it("treats unknown errors as ours and retries them", () => {
    const f = classify(new Error("boom"));
    expect(f.transient).toBe(true);
    expect(f.code).toBe("INTERNAL");
    expect(f.message).toContain("boom");
  });
});

describe("backoffMs", () => {
  it("grows exponentially with jitter between a quarter and all of the ceiling", () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(250);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffMs(4, 1000, 60_000, () => 0)).toBe(2000);
  });
  it("is capped", () => {
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
  it("spreads retries of the same attempt", () => {
    const values = new Set(Array.from({ length: 50 }, () => backoffMs(3, 1000)));
    expect(values.size).toBeGreaterThan(10);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(1000);
      expect(v).toBeLessThanOrEqual(4000);
    }
  });
});
