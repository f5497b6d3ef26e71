// The guard thresholds a merchant is likely to tune, with the engine's defaults as placeholders.
import { BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import { DEFAULT_THRESHOLDS, type ThresholdKey, type ThresholdOverrides } from "../../../workers/retouch/contract";

const FIELDS: Array<{ key: ThresholdKey; label: string; help: string }> = [
  {
    key: "metalDeltaEWarn",
    label: "Metal color change (ΔE00)",
    help: "Warn when the metal's color moves more than this. Around 2 is visible side by side.",
  },
  {
    key: "gemDeltaEWarn",
    label: "Gemstone color change (ΔE00)",
    help: "Warn when a stone's color moves more than this.",
  },
  {
    key: "sparkleKeptWarn",
    label: "Sparkle kept (share)",
    help: "Warn when less than this share of the original highlights remains.",
  },
  {
    key: "haloBleedWarn",
    label: "Halo (share of old background)",
    help: "Warn when this much of the old backdrop color shows along the edge.",
  },
  {
    key: "edgeKeptWarn",
    label: "Edge sharpness kept (share)",
    help: "Warn when prong and bezel edges keep less than this share of their crispness.",
  },
  {
    key: "textureSsimWarn",
    label: "Texture kept (SSIM)",
    help: "Warn when brushed or hammered texture is smoothed below this similarity.",
  },
  {
    key: "referenceDeltaEWarn",
    label: "Difference from reference (ΔE00)",
    help: "Warn when the metal differs this much from the collection's reference image.",
  },
  {
    key: "batchExposureStops",
    label: "Exposure drift in a batch (stops)",
    help: "Flag photos whose brightness correction differs this much from the batch's.",
  },
];

export function GuardSection({
  value,
  onChange,
}: {
  value: ThresholdOverrides;
  onChange: (v: ThresholdOverrides) => void;
}) {
  const set = (key: ThresholdKey, raw: string) => {
    const next = { ...value };
    if (raw === "" || !Number.isFinite(Number(raw))) delete next[key];
    else next[key] = Number(raw);
    onChange(next);
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Checks
        </Text>
        <Text as="p" tone="subdued">
          Loupe warns you when a retouched photo may no longer show the piece truthfully. Leave a field empty to use the
          default.
        </Text>
        <FormLayout>
          {FIELDS.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              type="number"
              step={0.05}
              value={value[f.key] === undefined ? "" : String(value[f.key])}
              placeholder={`Default ${DEFAULT_THRESHOLDS[f.key]}`}
              helpText={f.help}
              onChange={(v) => set(f.key, v)}
              autoComplete="off"
            />
          ))}
        </FormLayout>
        <div>
          <Button variant="plain" onClick={() => onChange({})}>
            Use all defaults
          </Button>
        </div>
      </BlockStack>
    </Card>
  );
}
