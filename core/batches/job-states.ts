// The life of one product image in Loupe. Transitions are explicit: anything else is refused.
export const JOB_STATES = [
  "queued",
  "processing",
  "review",
  "approved",
  "publishing",
  "published",
  "failed",
  "rejected",
  "reverted",
] as const;
export type JobState = (typeof JOB_STATES)[number];

const NEXT: Record<JobState, readonly JobState[]> = {
  queued: ["processing", "failed", "rejected"],
  processing: ["review", "failed", "queued"], // queued: handed back on shutdown/crash, or retried
  review: ["approved", "rejected", "queued"], // queued: re-run with other settings or spots undone
  approved: ["publishing", "review", "rejected"],
  publishing: ["published", "failed", "approved", "review"], // approved: a transient write error, retried; review: the live photo changed since the retouch (held)
  published: ["publishing", "reverted"], // publishing: a revert in flight goes through publishing
  failed: ["queued", "rejected"],
  rejected: ["queued", "review"],
  reverted: ["approved", "queued"],
};

export function canTransition(from: JobState, to: JobState): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: JobState, to: JobState): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: JobState,
    readonly to: JobState,
  ) {
    super(`An image that is ${from} cannot become ${to}.`);
  }
}

export function isJobState(s: string): s is JobState {
  return (JOB_STATES as readonly string[]).includes(s);
}

/** States in which the worker still has retouching to do: a batch is done when none of its jobs is in one. */
export const ACTIVE_STATES: readonly JobState[] = ["queued", "processing"];

/** Every state with a zero count, for progress displays. */
export function emptyCounts(): Record<JobState, number> {
  return Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
}
