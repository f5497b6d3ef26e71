// The admin action's states: loading, nothing to do, ready, starting, started, failed (retryable or not).
import { describe, expect, it } from "vitest";
import { actionState } from "../action-state";
import type { StartOutcome } from "../start-batch";
import type { SummaryView } from "../summary";

const ready: SummaryView = {
  kind: "ready",
  summary: { title: "Rings", products: 3, images: 7, exact: true, counted: 3 },
  lines: [],
};
const nothing: SummaryView = { kind: "nothing", message: { key: "nothingNoImages" } };
const countFailed: SummaryView = { kind: "error", message: { key: "countFailed" } };
const started: StartOutcome = {
  kind: "started",
  batch: { id: "b1", status: "pulling", total: 7 },
  message: { key: "started" },
  link: "app://b1",
};
const retryable: StartOutcome = { kind: "error", message: { key: "errNetwork" }, canRetry: true };
const final: StartOutcome = { kind: "error", message: { key: "errForbidden" }, canRetry: false };

describe("actionState", () => {
  it("offers Start only once there is something to retouch (or the count failed), until a batch starts", () => {
    expect(actionState(null, null).canStart).toBe(false);
    expect(actionState(nothing, null).canStart).toBe(false);
    expect(actionState(ready, null)).toEqual({ started: null, failed: null, canStart: true, starting: false });
    expect(actionState(countFailed, null).canStart).toBe(true);
  });

  it("while starting, the button stays (loading); once started it goes and the link shows", () => {
    expect(actionState(ready, "starting")).toEqual({ started: null, failed: null, canStart: true, starting: true });
    expect(actionState(ready, started)).toEqual({ started, failed: null, canStart: false, starting: false });
  });

  it("a failure shows its message; Start stays only when the failure can be retried", () => {
    expect(actionState(ready, retryable)).toEqual({
      started: null,
      failed: retryable,
      canStart: true,
      starting: false,
    });
    expect(actionState(ready, final)).toEqual({ started: null, failed: final, canStart: false, starting: false });
  });
});
