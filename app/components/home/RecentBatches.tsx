// The shop's recent batches as a Polaris IndexTable: title (links to the batch page), what the
// merchant must do next, progress, and when it started.
import { BlockStack, Card, IndexTable, Link, ProgressBar, Text } from "@shopify/polaris";
import type { BatchSummaryView } from "../../ui/types";
import { batchProgress } from "../../ui/progress";
import { BatchStatusBadge } from "../common/BatchStatusBadge";

export function RecentBatches({ batches }: { batches: BatchSummaryView[] }) {
  return (
    <Card padding="0">
      <BlockStack gap="0">
        <div style={{ padding: "var(--p-space-400) var(--p-space-400) var(--p-space-200)" }}>
          <Text as="h2" variant="headingMd">
            Recent batches
          </Text>
        </div>
        {batches.length === 0 ? (
          <div style={{ padding: "0 var(--p-space-400) var(--p-space-400)" }}>
            <Text as="p" tone="subdued">
              No batches yet. Pick a collection or a few products above: Loupe retouches their photos and holds them
              here for your review.
            </Text>
          </div>
        ) : (
          <IndexTable
            resourceName={{ singular: "batch", plural: "batches" }}
            itemCount={batches.length}
            selectable={false}
            headings={[{ title: "Batch" }, { title: "Status" }, { title: "Progress" }, { title: "Started" }]}
          >
            {batches.map((b, i) => (
              <BatchRow key={b.id} batch={b} position={i} />
            ))}
          </IndexTable>
        )}
      </BlockStack>
    </Card>
  );
}

function BatchRow({ batch, position }: { batch: BatchSummaryView; position: number }) {
  const p = batchProgress(batch.counts, batch.total);
  return (
    <IndexTable.Row id={batch.id} position={position}>
      <IndexTable.Cell>
        <span data-testid="batch-row">
          <Link url={`/app/batches/${batch.id}`} monochrome removeUnderline dataPrimaryLink>
            <Text as="span" fontWeight="semibold">
              {batch.title || "Untitled batch"}
            </Text>
          </Link>
        </span>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <BatchStatusBadge status={batch.status} counts={batch.counts} />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <div style={{ minWidth: 160 }}>
          <BlockStack gap="100">
            <ProgressBar
              animated={false}
              progress={p.percent}
              size="small"
              tone={p.failed > 0 ? "critical" : "primary"}
              ariaLabelledBy={`batch-${batch.id}-progress`}
            />
            <Text as="span" variant="bodySm" tone="subdued" id={`batch-${batch.id}-progress`}>
              {p.done} of {p.total} retouched · {p.published} published{p.failed ? ` · ${p.failed} failed` : ""}
            </Text>
          </BlockStack>
        </div>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" variant="bodySm" tone="subdued">
          {new Date(batch.createdAt).toLocaleString()}
        </Text>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
