// The leaky-bucket math the Admin client relies on.
import { describe, expect, it } from "vitest";
import { BucketEstimate, backoffMs, costWaitMs, readCost } from "../../../core/shopify/cost";
import { isMutation } from "../../../core/shopify/graphql-client.server";

describe("costWaitMs", () => {
  it("is (requested − currentlyAvailable) / restoreRate seconds, never negative", () => {
    expect(costWaitMs(100, { maximumAvailable: 1000, currentlyAvailable: 20, restoreRate: 50 })).toBe(1600);
    expect(costWaitMs(52, { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 })).toBe(520);
    expect(costWaitMs(10, { maximumAvailable: 1000, currentlyAvailable: 900, restoreRate: 50 })).toBe(0);
    expect(costWaitMs(10, { maximumAvailable: 1000, currentlyAvailable: 10, restoreRate: 50 })).toBe(0);
  });
  it("caps a request larger than the bucket at a full bucket", () => {
    expect(costWaitMs(5000, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 })).toBe(20_000);
  });
});

describe("readCost", () => {
  it("reads Shopify's extensions.cost, including a THROTTLED answer's null actual cost", () => {
    const c = readCost({
      cost: {
        requestedQueryCost: 52,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 12, restoreRate: 100 },
      },
    });
    expect(c).toEqual({
      requestedQueryCost: 52,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 12, restoreRate: 100 },
    });
    expect(readCost(undefined)).toBeNull();
    expect(readCost({ cost: { requestedQueryCost: 3 } })!.throttleStatus).toBeNull();
  });
});

describe("BucketEstimate", () => {
  it("staggers concurrent reservations instead of letting them all go at once", () => {
    const b = new BucketEstimate();
    expect(b.reserve(50, 0)).toBe(0); // nothing known yet
    b.observe({ maximumAvailable: 100, currentlyAvailable: 60, restoreRate: 50 }, 1000);
    expect(b.reserve(40, 1000)).toBe(0); // 60 → 20
    expect(b.reserve(40, 1000)).toBe(400); // needs 20 more: 0.4 s
    expect(b.reserve(40, 1000)).toBe(1200); // 60 more behind the previous one
  });
  it("refills at restoreRate and never above the maximum", () => {
    const b = new BucketEstimate();
    b.observe({ maximumAvailable: 100, currentlyAvailable: 0, restoreRate: 50 }, 0);
    expect(b.current(1000)!.currentlyAvailable).toBe(50);
    expect(b.current(10_000)!.currentlyAvailable).toBe(100);
  });
  it("only lowers its estimate from a report (in-flight reservations are not in Shopify's number yet)", () => {
    const b = new BucketEstimate();
    b.observe({ maximumAvailable: 100, currentlyAvailable: 100, restoreRate: 10 }, 0);
    b.reserve(80, 0);
    b.observe({ maximumAvailable: 100, currentlyAvailable: 90, restoreRate: 10 }, 0);
    expect(b.current(0)!.currentlyAvailable).toBe(20);
  });
});

describe("backoffMs", () => {
  it("grows exponentially with jitter inside [exp/2, exp] and is capped", () => {
    expect(backoffMs(0, 500, 30_000, () => 0)).toBe(250);
    expect(backoffMs(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000);
  });
});

describe("isMutation", () => {
  it("tells mutations (run one at a time per shop) from queries", () => {
    expect(isMutation("#graphql\n  mutation X { a }")).toBe(true);
    expect(isMutation("mutation{a}")).toBe(true);
    expect(isMutation("#graphql\n query X { a }")).toBe(false);
    expect(isMutation("{ mutationCount }")).toBe(false);
  });
});
