import { describe, expect, it } from "vitest";
import {
  assertTransition,
  canTransition,
  emptyCounts,
  InvalidTransitionError,
  JOB_STATES,
} from "../../../core/batches/job-states";

describe("job states", () => {
  it("follows the happy path queued → … → published", () => {
    const path = ["queued", "processing", "review", "approved", "publishing", "published"] as const;
    for (let i = 0; i < path.length - 1; i++) expect(canTransition(path[i], path[i + 1])).toBe(true);
  });

  it("refuses shortcuts with a plain message", () => {
    expect(canTransition("queued", "published")).toBe(false);
    expect(canTransition("review", "publishing")).toBe(false);
    expect(() => assertTransition("published", "approved")).toThrow(InvalidTransitionError);
    expect(() => assertTransition("published", "approved")).toThrow(
      "An image that is published cannot become approved.",
    );
  });

  it("lets a crash or shutdown hand a job back, and a revert go through publishing", () => {
    expect(canTransition("processing", "queued")).toBe(true);
    expect(canTransition("published", "publishing")).toBe(true);
    expect(canTransition("publishing", "reverted")).toBe(false);
    // A publish that finds the live photo changed since the retouch holds the image for review.
    expect(canTransition("publishing", "review")).toBe(true);
  });

  it("counts every state from zero", () => {
    const c = emptyCounts();
    expect(Object.keys(c)).toEqual([...JOB_STATES]);
    expect(Object.values(c).every((v) => v === 0)).toBe(true);
  });
});
