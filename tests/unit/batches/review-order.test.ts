// Previous / next within the batch and the next photo waiting for review after a decision.
import { describe, expect, it } from "vitest";
import { nextToReview, reviewNeighbours, type OrderedImage } from "../../../core/batches/review-order";

const batch: OrderedImage[] = [
  { id: "a", state: "published" },
  { id: "b", state: "review" },
  { id: "c", state: "approved" },
  { id: "d", state: "review" },
  { id: "e", state: "rejected" },
];

describe("reviewNeighbours", () => {
  it("gives the photo's place, its neighbours and what is left to review", () => {
    expect(reviewNeighbours(batch, "c")).toEqual({
      index: 3,
      total: 5,
      prev: "b",
      next: "d",
      toReview: 2,
      nextToReview: "d",
    });
  });

  it("has no previous on the first photo and no next on the last", () => {
    expect(reviewNeighbours(batch, "a").prev).toBeNull();
    expect(reviewNeighbours(batch, "e").next).toBeNull();
  });

  it("answers index 0 and no neighbours for a photo that is not in the batch", () => {
    const n = reviewNeighbours(batch, "zz");
    expect([n.index, n.prev, n.next]).toEqual([0, null, null]);
  });
});

describe("nextToReview", () => {
  it("moves on to the next photo in review after the current one", () => {
    expect(nextToReview(batch, "b")).toBe("d");
  });

  it("wraps to the start of the batch", () => {
    expect(nextToReview(batch, "d")).toBe("b");
    expect(nextToReview(batch, "e")).toBe("b");
  });

  it("is null when no other photo waits (the current one does not count)", () => {
    expect(
      nextToReview(
        [
          { id: "x", state: "review" },
          { id: "y", state: "approved" },
        ],
        "x",
      ),
    ).toBeNull();
    expect(nextToReview([], "x")).toBeNull();
  });
});
