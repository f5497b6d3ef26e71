// A batch's overall status as a badge in a merchant's words (what they must do next).
import { Badge } from "@shopify/polaris";
import type { JobState } from "../../../core/batches/job-states";
import { batchStatus } from "../../ui/batch-status";

export function BatchStatusBadge({ status, counts }: { status: string; counts: Partial<Record<JobState, number>> }) {
  const s = batchStatus(status, counts);
  return (
    <span data-testid="batch-status" data-label={s.label}>
      <Badge tone={s.tone}>{s.label}</Badge>
    </span>
  );
}
