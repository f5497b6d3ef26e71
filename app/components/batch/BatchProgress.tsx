// The batch's progress bar and counts, announced politely to screen readers as it moves.
import { BlockStack, ProgressBar, Text } from "@shopify/polaris";
import type { JobState } from "../../../core/batches/job-states";
import { batchProgress } from "../../ui/progress";

export function BatchProgress({
  counts,
  total,
  status,
}: {
  counts: Partial<Record<JobState, number>>;
  total: number;
  status: string;
}) {
  const p = batchProgress(counts, total);
  const gathering = status === "pulling" && total === 0;
  return (
    <BlockStack gap="200">
      <ProgressBar
        animated={false}
        progress={gathering ? 0 : p.percent}
        tone={p.failed ? "critical" : "primary"}
        ariaLabelledBy="batch-progress-text"
      />
      <Text as="p" id="batch-progress-text" variant="bodyMd" aria-live="polite">
        {gathering
          ? "Gathering the product photos from your store…"
          : p.running
            ? `Retouching: ${p.done} of ${p.total} photos done.`
            : `All ${p.total} photos retouched.`}{" "}
        {p.review} to review · {p.approved} approved · {p.published} published{p.failed ? ` · ${p.failed} failed` : ""}
      </Text>
    </BlockStack>
  );
}
