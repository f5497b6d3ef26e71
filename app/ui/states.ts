// How each image state reads to a merchant, and the Polaris badge tone that goes with it.
import type { JobState } from "../../core/batches/job-states";

type Tone = "info" | "success" | "warning" | "critical" | "attention" | "new" | undefined;

export const STATE_LABEL: Record<JobState, string> = {
  queued: "Waiting",
  processing: "Retouching",
  review: "Ready for review",
  approved: "Approved",
  publishing: "Publishing",
  published: "Published",
  failed: "Failed",
  rejected: "Rejected",
  reverted: "Reverted",
};

export const STATE_TONE: Record<JobState, Tone> = {
  queued: undefined,
  processing: "info",
  review: "attention",
  approved: "success",
  publishing: "info",
  published: "success",
  failed: "critical",
  rejected: undefined,
  reverted: undefined,
};

export function isBusy(state: JobState): boolean {
  return state === "queued" || state === "processing" || state === "publishing";
}
