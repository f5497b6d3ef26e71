// A batch's status in the merchant's terms: what they must do next ("Needs review (11)", "Ready to
// publish (3)"), and "Published" only once nothing waits. Never "Done" while photos wait for a decision.
import type { JobState } from "../../core/batches/job-states";

export type BatchTone = "info" | "success" | "attention" | "warning" | "critical" | undefined;

export interface BatchStatusView {
  label: string;
  tone: BatchTone;
}

export function batchStatus(status: string, counts: Partial<Record<JobState, number>>): BatchStatusView {
  const c = (s: JobState) => counts[s] ?? 0;
  if (status === "pulling" || status === "pending") return { label: "Gathering photos", tone: "info" };
  if (status === "failed") return { label: "Failed", tone: "critical" };
  // What the merchant must do comes first, even while other photos are still being retouched.
  if (c("review") > 0) return { label: `Needs review (${c("review")})`, tone: "attention" };
  if (c("approved") > 0) return { label: `Ready to publish (${c("approved")})`, tone: "info" };
  if (c("queued") + c("processing") > 0)
    return { label: status === "cancelled" ? "Cancelling" : "Retouching", tone: "info" };
  if (c("publishing") > 0) return { label: `Publishing (${c("publishing")})`, tone: "info" };
  if (status === "cancelled" || status === "canceled") return { label: "Cancelled", tone: undefined };
  if (c("published") > 0) return { label: "Published", tone: "success" };
  if (c("failed") > 0) return { label: `Not retouched (${c("failed")})`, tone: "critical" };
  if (c("rejected") + c("reverted") > 0) return { label: "Nothing to publish", tone: undefined };
  // No photo at all (an empty collection), or a status this page does not know: say nothing is waiting.
  return { label: "No photos", tone: undefined };
}
