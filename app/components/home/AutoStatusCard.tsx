// Home: what auto-processing is doing — the policy in plain words, the daily cap used, products
// waiting, when it last ran, and the last batch of new uploads.
import { BlockStack, Card, Link, ProgressBar, Text } from "@shopify/polaris";

export interface AutoStatusView {
  message: string;
  policy: string;
  dailyCap: number;
  usedToday: number;
  pending: number;
  lastRun: string;
  lastBatch: { id: string; title: string; total: number } | null;
}

export function AutoStatusCard({ status }: { status: AutoStatusView }) {
  const share = status.dailyCap > 0 ? Math.min(100, Math.round((status.usedToday / status.dailyCap) * 100)) : 100;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Auto-processing of new uploads
        </Text>
        <Text as="p">{status.message}</Text>
        {status.policy !== "off" ? (
          <BlockStack gap="100">
            <Text as="p" variant="bodySm" tone="subdued">
              Daily limit: {status.usedToday.toLocaleString("en-US")} of {status.dailyCap.toLocaleString("en-US")}{" "}
              images used today · {status.pending.toLocaleString("en-US")} product
              {status.pending === 1 ? "" : "s"} pending
            </Text>
            <ProgressBar progress={share} size="small" />
          </BlockStack>
        ) : null}
        <Text as="p" variant="bodySm" tone="subdued">
          {status.lastRun}
          {status.lastBatch ? (
            <>
              {" "}
              Latest: <Link url={`/app/batches/${status.lastBatch.id}`}>{status.lastBatch.title}</Link> (
              {status.lastBatch.total} image{status.lastBatch.total === 1 ? "" : "s"}).
            </>
          ) : null}
        </Text>
      </BlockStack>
    </Card>
  );
}
