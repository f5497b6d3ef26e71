// Every spot Loupe removed, each undoable (and redoable): a re-run with those spots left in place. Spots
// the engine held back are listed after them as suggestions, not applied, which the merchant can turn on.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { SpotView } from "../../ui/types";
import { spotState, toggleSpot } from "../../ui/spots";

interface Props {
  spots: SpotView[];
  busy: boolean;
  canRerun: boolean;
  onChange: (disabled: number[]) => void;
}

export function SpotList({ spots, busy, canRerun, onChange }: Props) {
  const removed = spots.filter((s) => !s.disabled).length;
  const suggested = spots.filter((s) => s.held && s.disabled).length;
  const toggle = (id: number) => onChange(toggleSpot(spots, id));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Removed spots ({removed}){suggested ? `, ${suggested} suggested` : ""}
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
            {spots.map((s) => {
              const state = spotState(s);
              return (
                <li key={s.id} data-testid="spot-item" data-held={s.held ?? undefined}>
                  <InlineStack align="space-between" blockAlign="center" gap="200">
                    <Text as="span" variant="bodySm" tone={s.disabled ? "subdued" : undefined}>
                      #{s.id} {s.reason}, {s.area} px at ({Math.round(s.box.x)}, {Math.round(s.box.y)}){state.note}
                    </Text>
                    <Button
                      size="slim"
                      disabled={!canRerun || busy}
                      onClick={() => toggle(s.id)}
                      accessibilityLabel={`${s.disabled ? "Remove" : "Undo removal of"} spot ${s.id}`}
                    >
                      {state.action}
                    </Button>
                  </InlineStack>
                </li>
              );
            })}
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
