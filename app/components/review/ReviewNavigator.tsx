// Moving through a batch without leaving the review page: previous / next photo, where this photo sits
// in the batch, how many still wait for review, and the keyboard shortcuts (shown here and live on the
// page): A approve, R reject, J or → next, K or ← previous (Z, zoom, belongs to the viewer). After
// approve or reject the page opens the next photo waiting for review (the action answers which).
import { useNavigate, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import type { JobState } from "../../../core/batches/job-states";
import type { ReviewNeighbours } from "../../../core/batches/review-order";
import { useShortcuts } from "../../ui/use-shortcuts";

type Decision = "approve" | "reject";

interface Props {
  nav: ReviewNeighbours;
  state: JobState;
  busy: boolean;
  /** The page's last action result: `next` names the photo to open after a decision. */
  result: unknown;
  onDecision: (intent: Decision) => void;
}

const CAN: Record<Decision, readonly JobState[]> = {
  approve: ["review", "reverted"],
  reject: ["review", "approved", "failed"],
};

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; label: string }> = [
  { keys: ["A"], label: "Approve" },
  { keys: ["R"], label: "Reject" },
  { keys: ["J", "→"], label: "Next photo" },
  { keys: ["K", "←"], label: "Previous photo" },
  { keys: ["Z"], label: "Zoom: fit / 100 %" },
];

export function ReviewNavigator({ nav, state, busy, result, onDecision }: Props) {
  const navigate = useNavigate();
  const go = (id: string | null) => {
    if (id) navigate(`/app/images/${id}`);
  };
  const decide = (intent: Decision) => {
    if (!busy && CAN[intent].includes(state)) onDecision(intent);
  };
  useShortcuts({
    a: () => decide("approve"),
    r: () => decide("reject"),
    j: () => go(nav.next),
    arrowright: () => go(nav.next),
    k: () => go(nav.prev),
    arrowleft: () => go(nav.prev),
  });
  // Move on once the decision's own reload is over (navigating earlier would abort it), once per result.
  const idle = useNavigation().state === "idle";
  const followed = useRef<unknown>(null);
  const next =
    result && typeof result === "object" && "next" in result && typeof result.next === "string" ? result.next : null;
  useEffect(() => {
    if (!next || !idle || followed.current === result) return;
    followed.current = result;
    navigate(`/app/images/${next}`);
  }, [next, idle, result, navigate]);

  const others = nav.toReview - (state === "review" ? 1 : 0);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">
            <span data-testid="batch-position">{`Photo ${nav.index} of ${nav.total}`}</span>
          </Text>
          <InlineStack gap="200">
            <Button onClick={() => go(nav.prev)} disabled={!nav.prev} accessibilityLabel="Previous photo (K)">
              ← Previous
            </Button>
            <Button onClick={() => go(nav.next)} disabled={!nav.next} accessibilityLabel="Next photo (J)">
              Next →
            </Button>
          </InlineStack>
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          <span data-testid="to-review">
            {others > 0
              ? `${others} other photo${others === 1 ? "" : "s"} in this batch wait${others === 1 ? "s" : ""} for review.`
              : "No other photo in this batch waits for review."}
          </span>
        </Text>
        <dl
          aria-label="Keyboard shortcuts"
          data-testid="shortcuts"
          style={{
            display: "grid",
            gridTemplateColumns: "auto 1fr",
            gap: "var(--p-space-100) var(--p-space-300)",
            margin: 0,
          }}
        >
          {SHORTCUTS.map((s) => (
            <div key={s.label} style={{ display: "contents" }}>
              <dt>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? " or " : null}
                    <kbd
                      style={{
                        font: "var(--p-font-weight-semibold) 12px/18px var(--p-font-family-mono)",
                        padding: "0 6px",
                        border: "1px solid var(--p-color-border)",
                        borderRadius: "var(--p-border-radius-100)",
                        background: "var(--p-color-bg-surface-secondary)",
                      }}
                    >
                      {k}
                    </kbd>
                  </span>
                ))}
              </dt>
              <dd style={{ margin: 0 }}>
                <Text as="span" variant="bodySm">
                  {s.label}
                </Text>
              </dd>
            </div>
          ))}
        </dl>
      </BlockStack>
    </Card>
  );
}
