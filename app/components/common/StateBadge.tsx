// One image's state as a badge.
import { Badge } from "@shopify/polaris";
import type { JobState } from "../../../core/batches/job-states";
import { STATE_LABEL, STATE_TONE } from "../../ui/states";

export function StateBadge({ state }: { state: JobState }) {
  return <Badge tone={STATE_TONE[state]}>{STATE_LABEL[state]}</Badge>;
}
