// How consistent the batch looks as a catalog: exposure, background, edges, framing.
import { Badge, BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import type { Finding } from "../../../core/batches/consistency";

export function ConsistencyPanel({ findings }: { findings: Finding[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Batch consistency
        </Text>
        {findings.length === 0 ? (
          <Text as="p" tone="subdued">
            Loupe compares photos once at least two are retouched.
          </Text>
        ) : (
          findings.map((f) => (
            <BlockStack gap="100" key={f.key}>
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" variant="headingSm">
                  {f.title}
                </Text>
                <Badge tone={f.ok ? "success" : "warning"}>
                  {f.ok ? "Consistent" : `${f.outliers.length} to check`}
                </Badge>
              </InlineStack>
              <Text as="p" variant="bodySm" tone="subdued">
                {f.summary}
              </Text>
              {f.outliers.length ? (
                <ul style={{ margin: 0, paddingInlineStart: "var(--p-space-500)" }}>
                  {f.outliers.map((o) => (
                    <li key={o.id}>
                      <Text as="span" variant="bodySm">
                        <Link url={`/app/images/${o.id}`}>{o.title}</Link>: {o.detail}
                      </Text>
                    </li>
                  ))}
                </ul>
              ) : null}
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
