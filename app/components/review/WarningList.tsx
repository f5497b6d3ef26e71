// The guards' findings for this photo: what, how much against the limit, and why it matters.
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { Warning } from "../../ui/types";
import { warningTitle } from "../../ui/warnings";

export function WarningList({ warnings }: { warnings: Warning[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          What to check
        </Text>
        {warnings.length === 0 ? (
          <Text as="p" tone="subdued">
            Loupe's checks found nothing to worry about: metal tone, gem color, sparkle, edges and texture match the original.
          </Text>
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: "var(--p-space-500)", display: "grid", gap: "var(--p-space-300)" }} aria-label="Warnings">
            {warnings.map((w, i) => (
              <li key={`${w.code}-${i}`} data-testid="warning-item" data-code={w.code}>
                <BlockStack gap="100">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="span" fontWeight="semibold">
                      {warningTitle(w.code)}
                    </Text>
                    <Badge tone={w.severity === "warning" ? "warning" : "info"}>{w.severity === "warning" ? "Warning" : "Note"}</Badge>
                  </InlineStack>
                  <Text as="p" variant="bodySm">
                    {w.message}
                  </Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    Measured {fmt(w.value)} (limit {fmt(w.threshold)})
                  </Text>
                </BlockStack>
              </li>
            ))}
          </ol>
        )}
      </BlockStack>
    </Card>
  );
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}
