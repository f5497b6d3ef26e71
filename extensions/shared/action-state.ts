// What the admin action shows and allows, from the summary it loaded and the start attempt's outcome.
// Both extensions render the same states; the decisions live here, unit-tested.
import type { StartOutcome } from "./start-batch";
import type { SummaryView } from "./summary";

export type Attempt = StartOutcome | "starting" | null;

export interface ActionState {
  started: Extract<StartOutcome, { kind: "started" }> | null;
  failed: Extract<StartOutcome, { kind: "error" }> | null;
  /** The primary button shows: there is something to retouch, nothing started yet, and a failure may be retried. */
  canStart: boolean;
  starting: boolean;
}

export function actionState(summary: SummaryView | null, attempt: Attempt): ActionState {
  const outcome = attempt === "starting" ? null : attempt;
  const started = outcome?.kind === "started" ? outcome : null;
  const failed = outcome?.kind === "error" ? outcome : null;
  const canStart = summary !== null && summary.kind !== "nothing" && !started && (!failed || failed.canRetry);
  return { started, failed, canStart, starting: attempt === "starting" };
}
