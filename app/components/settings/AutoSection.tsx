// What happens to photos of newly uploaded products, and how many a day.
import { BlockStack, Card, ChoiceList, Text, TextField } from "@shopify/polaris";
import type { AutoPolicy } from "../../../core/settings/settings";

export function AutoSection({
  policy,
  cap,
  onChange,
}: {
  policy: AutoPolicy;
  cap: number;
  onChange: (v: { autoPolicy: AutoPolicy; dailyCap: number }) => void;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          New product photos
        </Text>
        <ChoiceList
          title="When you upload new product photos"
          choices={[
            { label: "Do nothing", value: "off", helpText: "Retouch only the batches you start." },
            {
              label: "Retouch and hold for my review",
              value: "hold",
              helpText: "Nothing reaches your store until you approve it.",
            },
            {
              label: "Retouch and publish automatically when there are no warnings",
              value: "publish",
              helpText: "Photos with warnings still wait for you.",
            },
          ]}
          selected={[policy]}
          onChange={(v) => onChange({ autoPolicy: v[0] as AutoPolicy, dailyCap: cap })}
        />
        <TextField
          label="Daily limit"
          type="number"
          min={0}
          suffix="photos per day"
          value={String(cap)}
          onChange={(v) => onChange({ autoPolicy: policy, dailyCap: Math.max(0, Math.floor(Number(v) || 0)) })}
          helpText="Automatic retouching stops for the day after this many photos."
          autoComplete="off"
        />
      </BlockStack>
    </Card>
  );
}
