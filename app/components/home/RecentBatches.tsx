// The shop's recent batches with their progress; each links to its batch page.
import { Link } from "@remix-run/react";
import { BlockStack, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { BatchSummaryView } from "../../ui/types";
import { batchProgress } from "../../ui/progress";
import { BatchStatusBadge } from "../common/BatchStatusBadge";

export function RecentBatches({ batches }: { batches: BatchSummaryView[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Recent batches
        </Text>
        {batches.length === 0 ? (
          <Text as="p" tone="subdued">
            No batches yet. Pick a collection or a few products above: Loupe retouches their photos and holds them here for
            your review.
          </Text>
        ) : (
          <ul aria-label="Recent batches" style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: "var(--p-space-300)" }}>
            {batches.map((b) => (
              <BatchRow key={b.id} batch={b} />
            ))}
          </ul>
        )}
      </BlockStack>
    </Card>
  );
}

function BatchRow({ batch }: { batch: BatchSummaryView }) {
  const p = batchProgress(batch.counts, batch.total);
  return (
    <li data-testid="batch-row">
      <BlockStack gap="100">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Link to={`/app/batches/${batch.id}`} style={{ fontWeight: 600 }}>
            {batch.title || "Untitled batch"}
          </Link>
          <BatchStatusBadge status={batch.status} />
        </InlineStack>
        <ProgressBar animated={false} progress={p.percent} size="small" tone={p.failed > 0 ? "critical" : "primary"} ariaLabelledBy={`batch-${batch.id}-progress`} />
        <Text as="p" variant="bodySm" tone="subdued" id={`batch-${batch.id}-progress`}>
          {p.done} of {p.total} retouched · {p.review} to review · {p.published} published
          {p.failed ? ` · ${p.failed} failed` : ""} · started {new Date(batch.createdAt).toLocaleString()}
        </Text>
      </BlockStack>
    </li>
  );
}
