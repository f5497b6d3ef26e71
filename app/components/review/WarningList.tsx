// The guards' findings for this photo: one verdict that agrees with them, then the warnings (over a
// limit, drawn as warnings) and the notes (under it, drawn quieter, apart), each with the measure
// that fired against its own limit.
import { Badge, Banner, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { Warning } from "../../ui/types";
import { measuredText, photoVerdict } from "../../ui/verdict";
import { warningTitle } from "../../ui/warnings";

export function WarningList({ warnings }: { warnings: Warning[] }) {
  const v = photoVerdict(warnings);
  const warns = warnings.filter((w) => w.severity === "warning");
  const notes = warnings.filter((w) => w.severity !== "warning");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          What to check
        </Text>
        <div data-testid="verdict" data-tone={v.tone}>
          <Banner tone={v.tone} title={v.headline}>
            <p>{v.detail}</p>
          </Banner>
        </div>
        {warns.length ? (
          <ol
            style={{ margin: 0, paddingInlineStart: "var(--p-space-500)", display: "grid", gap: "var(--p-space-300)" }}
            aria-label="Warnings"
          >
            {warns.map((w, i) => (
              <li
                key={`${w.code}-${i}`}
                data-testid="warning-item"
                data-code={w.code}
                style={{
                  borderInlineStart: "3px solid var(--p-color-border-caution)",
                  paddingInlineStart: "var(--p-space-200)",
                }}
              >
                <Finding w={w} />
              </li>
            ))}
          </ol>
        ) : null}
        {notes.length ? (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm" tone="subdued">
              Notes (under the limits)
            </Text>
            <ul
              style={{
                margin: 0,
                paddingInlineStart: "var(--p-space-500)",
                display: "grid",
                gap: "var(--p-space-200)",
                opacity: 0.85,
              }}
              aria-label="Notes"
            >
              {notes.map((w, i) => (
                <li key={`${w.code}-${i}`} data-testid="note-item" data-code={w.code}>
                  <Finding w={w} />
                </li>
              ))}
            </ul>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Finding({ w }: { w: Warning }) {
  const warn = w.severity === "warning";
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" fontWeight={warn ? "semibold" : "regular"}>
          {warningTitle(w.code)}
        </Text>
        <Badge tone={warn ? "warning" : "info"}>{warn ? "Warning" : "Note"}</Badge>
      </InlineStack>
      <Text as="p" variant="bodySm" tone={warn ? undefined : "subdued"}>
        {w.message}
      </Text>
      <Text as="p" variant="bodySm" tone="subdued">
        <span data-testid="measured">{measuredText(w)}</span>
      </Text>
    </BlockStack>
  );
}
