// Per collection, the approved photo every other photo of that collection is compared against.
import { useFetcher } from "@remix-run/react";
import { BlockStack, Button, Card, IndexTable, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";

import type { ReferenceRow } from "../../../core/batches/views";

export type { ReferenceRow };

export function ReferenceTable({ rows }: { rows: ReferenceRow[] }) {
  return (
    <Card padding="0">
      <div style={{ padding: "var(--p-space-400)" }}>
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Collection reference images
          </Text>
          <Text as="p" tone="subdued">
            Pick an approved or published photo per collection: Loupe warns when another photo's metal color drifts away
            from it.
          </Text>
        </BlockStack>
      </div>
      <IndexTable
        resourceName={{ singular: "collection", plural: "collections" }}
        itemCount={rows.length}
        selectable={false}
        headings={[{ title: "Collection" }, { title: "Reference" }, { title: "Change" }]}
        emptyState={
          <div style={{ padding: "var(--p-space-400)" }}>
            <Text as="p" tone="subdued">
              No collections in your store yet.
            </Text>
          </div>
        }
      >
        {rows.map((r, i) => (
          <IndexTable.Row id={r.collectionId} key={r.collectionId} position={i}>
            <IndexTable.Cell>
              <Text as="span" fontWeight="semibold">
                {r.title}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {r.current ? (
                <InlineStack gap="200" blockAlign="center">
                  {r.current.thumbUrl ? (
                    <img
                      src={r.current.thumbUrl}
                      alt={`Reference for ${r.title}: ${r.current.label}`}
                      width={40}
                      height={40}
                      style={{ objectFit: "contain", borderRadius: 4, border: "1px solid var(--p-color-border)" }}
                    />
                  ) : null}
                  <Text as="span">{r.current.label}</Text>
                </InlineStack>
              ) : (
                <Text as="span" tone="subdued">
                  None
                </Text>
              )}
            </IndexTable.Cell>
            <IndexTable.Cell>
              <ReferencePicker row={r} />
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}

function ReferencePicker({ row }: { row: ReferenceRow }) {
  const fetcher = useFetcher();
  const [imageId, setImageId] = useState(row.candidates[0]?.imageId ?? "");
  if (row.candidates.length === 0) {
    return (
      <Text as="span" tone="subdued" variant="bodySm">
        Approve a photo from this collection first.
      </Text>
    );
  }
  const busy = fetcher.state !== "idle";
  return (
    <InlineStack gap="200" blockAlign="end" wrap={false}>
      <Select
        label={`Reference photo for ${row.title}`}
        labelHidden
        options={row.candidates.map((c) => ({ label: c.label, value: c.imageId }))}
        value={imageId}
        onChange={setImageId}
      />
      <Button
        loading={busy}
        onClick={() =>
          fetcher.submit({ intent: "setReference", collectionId: row.collectionId, imageId }, { method: "post" })
        }
      >
        Use
      </Button>
      {row.current ? (
        <Button
          variant="plain"
          tone="critical"
          disabled={busy}
          onClick={() =>
            fetcher.submit({ intent: "clearReference", collectionId: row.collectionId }, { method: "post" })
          }
        >
          Remove
        </Button>
      ) : null}
    </InlineStack>
  );
}
