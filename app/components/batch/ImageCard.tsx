// One image in the batch grid: a fixed-ratio thumbnail (no layout shift), its full title (wrapped, never
// cut: photo 1 and photo 2 of a product must read apart), its state and warnings.
import { Link } from "@remix-run/react";
import { Badge, BlockStack, InlineStack, Text } from "@shopify/polaris";
import type { ImageCardView } from "../../ui/types";
import { StateBadge } from "../common/StateBadge";
import { warningTitle } from "../../ui/warnings";

export function ImageCard({ image }: { image: ImageCardView }) {
  const warn = image.warnings.filter((w) => w.severity === "warning").length;
  const notes = image.warnings.length - warn;
  const label = `${image.productTitle}, photo ${image.position + 1}`;
  return (
    <li
      data-testid="image-card"
      data-state={image.state}
      data-warnings={image.warnings.length}
      style={{ listStyle: "none" }}
    >
      <Link
        to={`/app/images/${image.id}`}
        aria-label={`Review ${label}`}
        style={{ textDecoration: "none", color: "inherit" }}
      >
        <div
          style={{
            border: "1px solid var(--p-color-border)",
            borderRadius: "var(--p-border-radius-200)",
            overflow: "hidden",
            background: "var(--p-color-bg-surface)",
          }}
        >
          <div
            style={{
              aspectRatio: "1 / 1",
              background: "var(--p-color-bg-surface-secondary)",
              display: "grid",
              placeItems: "center",
            }}
          >
            {image.thumbUrl ? (
              <img
                src={image.thumbUrl}
                alt={`Retouched ${label}`}
                width={400}
                height={400}
                loading="lazy"
                decoding="async"
                style={{ width: "100%", height: "100%", objectFit: "contain" }}
              />
            ) : (
              <Text as="span" tone="subdued" variant="bodySm">
                {image.state === "failed" ? "Not retouched" : image.state === "queued" ? "Waiting…" : "Retouching…"}
              </Text>
            )}
          </div>
          <div style={{ padding: "var(--p-space-200)" }}>
            <BlockStack gap="100">
              <span title={label} data-testid="image-card-title">
                <Text as="span" variant="bodySm" fontWeight="semibold" breakWord>
                  {label}
                </Text>
              </span>
              <InlineStack gap="100" wrap>
                <StateBadge state={image.state} />
                {warn ? <Badge tone="warning">{`${warn} warning${warn === 1 ? "" : "s"}`}</Badge> : null}
                {notes ? <Badge tone="info">{`${notes} note${notes === 1 ? "" : "s"}`}</Badge> : null}
              </InlineStack>
              {image.state === "failed" && image.lastError ? (
                <Text as="p" variant="bodySm" tone="critical">
                  {image.lastError}
                </Text>
              ) : warn ? (
                <Text as="p" variant="bodySm" tone="subdued" truncate>
                  {[
                    ...new Set(image.warnings.filter((w) => w.severity === "warning").map((w) => warningTitle(w.code))),
                  ].join(", ")}
                </Text>
              ) : null}
            </BlockStack>
          </div>
        </div>
      </Link>
    </li>
  );
}
