// A batch's status names what the merchant must do; "Done" never appears while photos wait.
import { describe, expect, it } from "vitest";
import { batchStatus } from "../../../app/ui/batch-status";
import { JOB_STATES } from "../../../core/batches/job-states";

describe("batchStatus", () => {
  it("counts the photos waiting for review, even once retouching is over (the batch's own status is done)", () => {
    expect(batchStatus("done", { review: 11, approved: 1 })).toEqual({ label: "Needs review (11)", tone: "attention" });
    expect(batchStatus("running", { review: 2, processing: 3 })).toEqual({
      label: "Needs review (2)",
      tone: "attention",
    });
  });

  it("asks to publish once nothing waits for review", () => {
    expect(batchStatus("done", { approved: 3, published: 4, rejected: 1 })).toEqual({
      label: "Ready to publish (3)",
      tone: "info",
    });
  });

  it("says Published only when nothing waits", () => {
    expect(batchStatus("done", { published: 12 }).label).toBe("Published");
    expect(batchStatus("done", { published: 11, rejected: 1 }).label).toBe("Published");
    expect(batchStatus("done", { published: 11, publishing: 1 }).label).toBe("Publishing (1)");
  });

  it("never says Done, whatever the counts", () => {
    const states = JOB_STATES;
    for (const status of ["done", "completed", "running", "cancelled", "failed", "pulling"]) {
      for (const s of states) expect(batchStatus(status, { [s]: 1 }).label).not.toMatch(/done/i);
    }
  });

  it("while nothing is ready yet: gathering, retouching, failed, cancelled", () => {
    expect(batchStatus("pulling", {}).label).toBe("Gathering photos");
    expect(batchStatus("running", { queued: 3 }).label).toBe("Retouching");
    expect(batchStatus("failed", {}).tone).toBe("critical");
    expect(batchStatus("cancelled", { rejected: 2 }).label).toBe("Cancelled");
    expect(batchStatus("done", { failed: 2 }).label).toBe("Not retouched (2)");
    expect(batchStatus("done", { rejected: 2, reverted: 1 }).label).toBe("Nothing to publish");
  });
});
