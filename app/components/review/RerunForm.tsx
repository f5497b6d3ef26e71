// Re-run this photo with other settings (background, margins, shadow); the shop's settings stay as they are.
import { BlockStack, Button, Card, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface RerunSettings {
  background: string;
  marginPct: number;
  shadow: "soft" | "none";
}

export function RerunForm({
  initial,
  busy,
  disabled,
  onRerun,
}: {
  initial: RerunSettings;
  busy: boolean;
  disabled: boolean;
  onRerun: (s: RerunSettings) => void;
}) {
  const [bg, setBg] = useState(initial.background);
  const [margin, setMargin] = useState(String(Math.round(initial.marginPct * 100)));
  const [shadow, setShadow] = useState(initial.shadow);
  const bgOk = /^#[0-9a-f]{6}$/i.test(bg);
  const m = Number(margin);
  const marginOk = Number.isFinite(m) && m >= 0 && m <= 30;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Re-run with other settings
        </Text>
        <TextField
          label="Background color"
          value={bg}
          onChange={setBg}
          autoComplete="off"
          error={bgOk ? undefined : "Use a hex color like #ffffff."}
          prefix={
            <span
              style={{
                display: "inline-block",
                width: 14,
                height: 14,
                borderRadius: 3,
                background: bgOk ? bg : "transparent",
                border: "1px solid #ccc",
              }}
            />
          }
        />
        <TextField
          label="Margin on each side"
          type="number"
          suffix="%"
          value={margin}
          onChange={setMargin}
          autoComplete="off"
          min={0}
          max={30}
          error={marginOk ? undefined : "Between 0 and 30 %."}
        />
        <Select
          label="Shadow"
          options={[
            { label: "None", value: "none" },
            { label: "Soft natural shadow", value: "soft" },
          ]}
          value={shadow}
          onChange={(v) => setShadow(v as "soft" | "none")}
        />
        <Button
          loading={busy}
          disabled={disabled || !bgOk || !marginOk}
          onClick={() => onRerun({ background: bg.toLowerCase(), marginPct: m / 100, shadow })}
        >
          Re-run this photo
        </Button>
      </BlockStack>
    </Card>
  );
}
