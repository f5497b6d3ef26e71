// Approve, reject, publish, revert — only the ones that make sense for the photo's state.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { JobState } from "../../../core/batches/job-states";
import { StateBadge } from "../common/StateBadge";

interface Props {
  mediaId: string;
  state: JobState;
  lastError: string | null;
  busyIntent: string | null;
  warnings: number;
  onAction: (intent: "approve" | "reject" | "publish" | "revert") => void;
}

export function ReviewActions({ mediaId, state, lastError, busyIntent, warnings, onAction }: Props) {
  const btn = (intent: "approve" | "reject" | "publish" | "revert", label: string, variant?: "primary") => (
    <Button
      key={intent}
      variant={variant}
      tone={intent === "reject" ? "critical" : undefined}
      loading={busyIntent === intent}
      disabled={busyIntent !== null}
      onClick={() => onAction(intent)}
    >
      {label}
    </Button>
  );
  const buttons = {
    review: [btn("approve", "Approve", "primary"), btn("reject", "Reject")],
    approved: [btn("publish", "Publish to store", "primary"), btn("reject", "Reject")],
    published: [btn("revert", "Revert to original")],
    failed: [btn("reject", "Reject")],
    rejected: [],
    reverted: [btn("approve", "Approve again")],
    queued: [],
    processing: [],
    publishing: [],
  }[state];
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Decision
          </Text>
          <span data-testid="image-state" data-state={state} data-media-id={mediaId}>
            <StateBadge state={state} />
          </span>
        </InlineStack>
        {state === "review" && warnings > 0 ? (
          <Text as="p" variant="bodySm" tone="caution">
            {warnings} warning{warnings === 1 ? "" : "s"}: look at the marked areas at 100 % before approving.
          </Text>
        ) : null}
        {state === "failed" && lastError ? (
          <Text as="p" tone="critical">
            {lastError}
          </Text>
        ) : null}
        {state === "published" ? (
          <Text as="p" variant="bodySm" tone="subdued">
            The retouched photo is live in your store. Revert puts the original back, same position and alt text.
          </Text>
        ) : null}
        {buttons.length ? (
          <InlineStack gap="200">{buttons}</InlineStack>
        ) : (
          <Text as="p" tone="subdued">
            Nothing to decide right now.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
