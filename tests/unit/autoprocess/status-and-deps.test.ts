import { describe, expect, it } from "vitest";
import { describeAutoStatus } from "../../../core/autoprocess/status.server";
import { isPermanent, jobsOf } from "../../../core/autoprocess/adapters";
import { ShopifyError } from "../../../core/shopify/errors";
import { toAutoPolicy } from "../../../core/autoprocess/shop-policy.server";

const base = {
  policy: "hold" as const,
  dailyCap: 500,
  usedToday: 12,
  pending: 0,
  waitingForTomorrow: 0,
  capReached: false,
};

describe("describeAutoStatus", () => {
  it("says what happens to new uploads, in plain words", () => {
    expect(describeAutoStatus({ ...base, policy: "off" })).toBe(
      "Auto-processing is off: new uploads are not retouched.",
    );
    expect(describeAutoStatus(base)).toBe(
      "New uploads are retouched and held for your review. 12 of 500 images used today.",
    );
    expect(describeAutoStatus({ ...base, policy: "publish", pending: 1 })).toBe(
      "New uploads are retouched and published automatically when no guard warns. 12 of 500 images used today. 1 product waiting.",
    );
    expect(
      describeAutoStatus({
        ...base,
        dailyCap: 1,
        usedToday: 1,
        pending: 1200,
        waitingForTomorrow: 1200,
        capReached: true,
      }),
    ).toBe(
      "Daily limit reached: 1 of 1 image retouched automatically today. 1,200 products wait until tomorrow (00:00 UTC).",
    );
  });
});

describe("adapters to the other services", () => {
  it("tells a permanent Shopify error (deleted product) from a transient one", () => {
    expect(
      isPermanent(
        new ShopifyError("This product no longer exists in your store.", {
          transient: false,
          code: "PRODUCT_NOT_FOUND",
        }),
      ),
    ).toBe(true);
    expect(isPermanent(new ShopifyError("Shopify is busy.", { transient: true }))).toBe(false);
    expect(isPermanent(new Error("socket hang up"))).toBe(false);
    expect(isPermanent(null)).toBe(false);
  });

  it("reads the job count from createBatch's answer, or falls back to the media asked for", () => {
    expect(jobsOf({ batch: { id: "b1", status: "pulling", total: 3 } }, 5)).toEqual({ batchId: "b1", jobs: 3 });
    expect(jobsOf({ id: "b2", total: 4 }, 5)).toEqual({ batchId: "b2", jobs: 4 });
    expect(jobsOf({ id: "b3", total: 0 }, 5)).toEqual({ batchId: "b3", jobs: 5 });
    expect(jobsOf(undefined, 2)).toEqual({ batchId: "", jobs: 2 });
  });

  it("reads a stored policy, defaulting to hold", () => {
    expect(["off", "hold", "publish", "PUBLISH", "", null, undefined].map(toAutoPolicy)).toEqual([
      "off",
      "hold",
      "publish",
      "hold",
      "hold",
      "hold",
      "hold",
    ]);
  });
});
