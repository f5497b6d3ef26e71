// Every spot Loupe removed, each undoable (and redoable): a re-run with those spots left in place. Spots
// the engine held back are suggestions, not applied, folded behind one button; the merchant can open
// them and turn any of them on.
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import type { SpotView } from "../../ui/types";
import { spotSections, spotState, toggleSpot } from "../../ui/spots";

interface Props {
  spots: SpotView[];
  /** Whether the open suggestions are listed (the page draws their boxes then too). */
  showSuggested: boolean;
  onShowSuggested: (show: boolean) => void;
  busy: boolean;
  canRerun: boolean;
  onChange: (disabled: number[]) => void;
}

export function SpotList({ spots, showSuggested, onShowSuggested, busy, canRerun, onChange }: Props) {
  const { applied, suggested } = spotSections(spots);
  const removed = spots.filter((s) => !s.disabled).length;
  const toggle = (id: number) => onChange(toggleSpot(spots, id));
  const item = (s: SpotView) => {
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
  };
  const list = (items: SpotView[], label: string) => (
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
      aria-label={label}
    >
      {items.map(item)}
    </ul>
  );
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Removed spots ({removed}){suggested.length ? `, ${suggested.length} suggested` : ""}
        </Text>
        {applied.length === 0 ? (
          <Text as="p" tone="subdued">
            No dust or specks were removed from this photo.
          </Text>
        ) : (
          list(applied, "Removed spots")
        )}
        {suggested.length ? (
          <InlineStack>
            <Button
              variant="plain"
              disclosure={showSuggested ? "up" : "down"}
              onClick={() => onShowSuggested(!showSuggested)}
              accessibilityLabel={`${showSuggested ? "Hide" : "Show"} ${suggested.length} suggested spots`}
            >
              {showSuggested ? "Hide suggestions" : `Show ${suggested.length} suggested, not applied`}
            </Button>
          </InlineStack>
        ) : null}
        {showSuggested && suggested.length ? list(suggested, "Suggested spots") : null}
        {!canRerun && spots.length ? (
          <Text as="p" variant="bodySm" tone="subdued">
            Revert or wait for this photo to settle before changing spots.
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}
