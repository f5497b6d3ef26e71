// What the retouched files look like: background, size, margins, shadow, format.
import { BlockStack, Card, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import type { ShopSettings } from "../../settings/settings";

type Look = Pick<ShopSettings, "background" | "size" | "marginPct" | "shadow" | "format">;

export function LookSection({ value, onChange }: { value: Look; onChange: (v: Look) => void }) {
  const bgOk = /^#[0-9a-f]{6}$/i.test(value.background);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Retouched photos
        </Text>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label="Background color"
              value={value.background}
              onChange={(background) => onChange({ ...value, background })}
              autoComplete="off"
              helpText="The studio background behind every piece, as a hex color."
              error={bgOk ? undefined : "Use a hex color like #ffffff."}
              prefix={<span aria-hidden="true" style={{ display: "inline-block", width: 14, height: 14, borderRadius: 3, background: bgOk ? value.background : "transparent", border: "1px solid #ccc" }} />}
            />
            <Select
              label="Output size"
              options={[1024, 1600, 2048, 3000, 4096].map((s) => ({ label: `${s} × ${s} px`, value: String(s) }))}
              value={String(value.size)}
              onChange={(v) => onChange({ ...value, size: Number(v) })}
            />
          </FormLayout.Group>
          <FormLayout.Group>
            <TextField
              label="Margin on each side"
              type="number"
              suffix="%"
              min={0}
              max={30}
              value={String(Math.round(value.marginPct * 1000) / 10)}
              onChange={(v) => onChange({ ...value, marginPct: Math.min(0.3, Math.max(0, Number(v) / 100)) })}
              autoComplete="off"
            />
            <Select
              label="Shadow"
              options={[
                { label: "None", value: "none" },
                { label: "Soft natural shadow", value: "soft" },
              ]}
              value={value.shadow}
              onChange={(v) => onChange({ ...value, shadow: v as Look["shadow"] })}
            />
            <Select
              label="File format"
              options={[
                { label: "JPEG (web)", value: "jpg" },
                { label: "PNG", value: "png" },
                { label: "WebP", value: "webp" },
                { label: "TIFF 16-bit (archive)", value: "tiff" },
                { label: "PSD (layers)", value: "psd" },
              ]}
              value={value.format}
              onChange={(v) => onChange({ ...value, format: v as Look["format"] })}
            />
          </FormLayout.Group>
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
