// Every spot Loupe removed, each undoable (and redoable): a re-run with those spots left in place.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { SpotView } from "../../ui/types";

interface Props {
  spots: SpotView[];
  busy: boolean;
  canRerun: boolean;
  onChange: (disabled: number[]) => void;
}

export function SpotList({ spots, busy, canRerun, onChange }: Props) {
  const disabled = spots.filter((s) => s.disabled).map((s) => s.id);
  const toggle = (id: number) => onChange(disabled.includes(id) ? disabled.filter((d) => d !== id) : [...disabled, id]);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Removed spots ({spots.length - disabled.length})
        </Text>
        {spots.length === 0 ? (
          <Text as="p" tone="subdued">
            No dust or specks were removed from this photo.
          </Text>
        ) : (
          <ul
            style={{
              listStyle: "none",
              margin: 0,
              padding: 0,
              display: "grid",
              gap: "var(--p-space-200)",
              maxHeight: 260,
              overflowY: "auto",
            }}
            aria-label="Removed spots"
          >
            {spots.map((s) => (
              <li key={s.id} data-testid="spot-item">
                <InlineStack align="space-between" blockAlign="center" gap="200">
                  <Text as="span" variant="bodySm" tone={s.disabled ? "subdued" : undefined}>
                    #{s.id} {s.reason}, {s.area} px at ({Math.round(s.box.x)}, {Math.round(s.box.y)})
                    {s.disabled ? " — kept as shot" : ""}
                  </Text>
                  <Button
                    size="slim"
                    disabled={!canRerun || busy}
                    onClick={() => toggle(s.id)}
                    accessibilityLabel={`${s.disabled ? "Remove" : "Undo removal of"} spot ${s.id}`}
                  >
                    {s.disabled ? "Remove again" : "Undo"}
                  </Button>
                </InlineStack>
              </li>
            ))}
          </ul>
        )}
        {!canRerun && spots.length ? (
          <Text as="p" variant="bodySm" tone="subdued">
            Revert or wait for this photo to settle before changing spots.
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}
