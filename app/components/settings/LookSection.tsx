// What the retouched files look like: background, size, upscaling, margins, shadow and its strength, format.
import { BlockStack, Card, Checkbox, FormLayout, RangeSlider, Select, Text, TextField } from "@shopify/polaris";
import * as v from "valibot";
import type { ShopSettings } from "../../../core/settings/settings";
import { MARGIN_RANGE, RenderFields } from "../../../workers/retouch/contract";

type Look = Pick<
  ShopSettings,
  "background" | "size" | "upscale" | "marginPct" | "shadow" | "shadowStrength" | "format"
>;

export function LookSection({ value, onChange }: { value: Look; onChange: (v: Look) => void }) {
  // The engine's schema checks each field here too: the form shows the message the save would give.
  const bg = v.safeParse(RenderFields.background, value.background);
  const bgOk = bg.success && bg.output !== "transparent";
  const margin = v.safeParse(RenderFields.marginPct, value.marginPct);
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
              error={bg.success ? undefined : bg.issues[0].message}
              prefix={
                <span
                  aria-hidden="true"
                  style={{
                    display: "inline-block",
                    width: 14,
                    height: 14,
                    borderRadius: 3,
                    background: bgOk ? value.background : "transparent",
                    border: "1px solid #ccc",
                  }}
                />
              }
            />
            <Select
              label="Output size"
              options={[1024, 1600, 2048, 3000, 4096].map((s) => ({ label: `${s} × ${s} px`, value: String(s) }))}
              value={String(value.size)}
              onChange={(size) => onChange({ ...value, size: Number(size) })}
              helpText="The largest a retouched photo gets. A photo with fewer pixels is delivered at its own size, padded, never stretched."
            />
          </FormLayout.Group>
          <Checkbox
            label="Enlarge small photos to the output size"
            checked={value.upscale}
            onChange={(upscale) => onChange({ ...value, upscale })}
            helpText="Off: a photo too small for the output size keeps its own resolution and the shoot report says so. On: it is enlarged to the output size, which makes fine detail soft and shows JPEG blocks."
          />
          <FormLayout.Group>
            <TextField
              label="Margin on each side"
              type="number"
              suffix="%"
              min={MARGIN_RANGE.min * 100}
              max={MARGIN_RANGE.below * 100}
              value={String(Math.round(value.marginPct * 1000) / 10)}
              onChange={(m) => onChange({ ...value, marginPct: Number(m) / 100 })}
              error={margin.success ? undefined : margin.issues[0].message}
              autoComplete="off"
            />
            <Select
              label="Shadow"
              options={[
                { label: "None", value: "none" },
                { label: "Soft natural shadow", value: "soft" },
              ]}
              value={value.shadow}
              onChange={(shadow) => onChange({ ...value, shadow: shadow as Look["shadow"] })}
              helpText="A soft contact shadow drawn from the piece's own outline, in neutral grey, just under and around it."
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
              onChange={(format) => onChange({ ...value, format: format as Look["format"] })}
            />
          </FormLayout.Group>
          {value.shadow === "soft" ? (
            <RangeSlider
              label="Shadow strength"
              min={0}
              max={100}
              step={5}
              value={Math.round(value.shadowStrength * 100)}
              onChange={(s) => onChange({ ...value, shadowStrength: (Array.isArray(s) ? s[0]! : s) / 100 })}
              output
              suffix={<Text as="span">{Math.round(value.shadowStrength * 100)} %</Text>}
              helpText="How dark the shadow is right under the piece: 0 % draws none; the default is 50 %."
            />
          ) : null}
        </FormLayout>
      </BlockStack>
    </Card>
  );
}
