// Progress of a batch from its per-state counts: how many images are past retouching.
import type { JobState } from "../../core/batches/job-states";

export function batchProgress(counts: Partial<Record<JobState, number>>, total: number) {
  const c = (s: JobState) => counts[s] ?? 0;
  const waiting = c("queued") + c("processing");
  const done = Math.max(0, total - waiting);
  return {
    done,
    total,
    percent: total > 0 ? Math.round((done / total) * 100) : 100,
    running: waiting > 0 || c("publishing") > 0,
    review: c("review"),
    failed: c("failed"),
    published: c("published"),
    approved: c("approved"),
  };
}
