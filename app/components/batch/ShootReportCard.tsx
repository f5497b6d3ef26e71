// What the photos say about the shoot, with a tip for the next session.
import { BlockStack, Card, Text } from "@shopify/polaris";

export interface ShootItem {
  code: string;
  message: string;
  tip: string;
}

export function ShootReportCard({ items, retouched }: { items: ShootItem[]; retouched: number }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Shoot report
        </Text>
        {retouched === 0 ? (
          <Text as="p" tone="subdued">
            Advice for your next photo session appears once photos are retouched.
          </Text>
        ) : items.length === 0 ? (
          <Text as="p" tone="subdued">
            A consistent shoot: clean pieces, an even backdrop and steady light. Keep it that way.
          </Text>
        ) : (
          items.map((i) => (
            <BlockStack gap="100" key={i.code}>
              <Text as="p" variant="bodyMd" fontWeight="semibold">
                {i.message}
              </Text>
              <Text as="p" variant="bodySm" tone="subdued">
                {i.tip}
              </Text>
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
