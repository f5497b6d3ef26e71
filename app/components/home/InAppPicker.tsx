// The Polaris picker used when App Bridge's resource picker is not available: a collection select,
// or a checklist of products.
import { BlockStack, Button, ChoiceList, InlineStack, Select, Tabs, Text } from "@shopify/polaris";
import { useState } from "react";

export interface PickerCollection {
  id: string;
  title: string;
  productsCount: number;
}
export interface PickerProduct {
  id: string;
  title: string;
  mediaCount: number;
}

interface Props {
  collections: PickerCollection[];
  products: PickerProduct[];
  busy: boolean;
  onStart: (fields: Record<string, string>) => void;
}

export function InAppPicker({ collections, products, busy, onStart }: Props) {
  const [tab, setTab] = useState(0);
  return (
    <Tabs
      tabs={[
        { id: "pick-collection", content: "A collection", panelID: "pick-collection-panel" },
        { id: "pick-products", content: "Some products", panelID: "pick-products-panel" },
      ]}
      selected={tab}
      onSelect={setTab}
    >
      <div style={{ paddingBlockStart: "var(--p-space-300)", minHeight: 128 }}>
        {tab === 0 ? (
          <CollectionPanel collections={collections} busy={busy} onStart={onStart} />
        ) : (
          <ProductPanel products={products} busy={busy} onStart={onStart} />
        )}
      </div>
    </Tabs>
  );
}

function CollectionPanel({ collections, busy, onStart }: Omit<Props, "products">) {
  const [id, setId] = useState(collections[0]?.id ?? "");
  if (collections.length === 0) return <Text as="p">Your store has no collections yet. Pick products instead.</Text>;
  return (
    <BlockStack gap="200">
      <Select
        label="Collection"
        options={collections.map((c) => ({ label: `${c.title} (${c.productsCount} products)`, value: c.id }))}
        value={id}
        onChange={setId}
      />
      <InlineStack>
        <Button variant="primary" loading={busy} disabled={!id} onClick={() => onStart({ collectionId: id })}>
          Retouch this collection
        </Button>
      </InlineStack>
    </BlockStack>
  );
}

function ProductPanel({ products, busy, onStart }: Omit<Props, "collections">) {
  const [selected, setSelected] = useState<string[]>([]);
  if (products.length === 0) return <Text as="p">Your store has no products yet.</Text>;
  return (
    <BlockStack gap="200">
      <ChoiceList
        title="Products"
        allowMultiple
        choices={products.map((p) => ({ label: `${p.title} (${p.mediaCount} photos)`, value: p.id }))}
        selected={selected}
        onChange={setSelected}
      />
      <InlineStack>
        <Button
          variant="primary"
          loading={busy}
          disabled={selected.length === 0}
          onClick={() => onStart({ productIds: selected.join(",") })}
        >
          {selected.length
            ? `Retouch ${selected.length} product${selected.length === 1 ? "" : "s"}`
            : "Retouch selected products"}
        </Button>
      </InlineStack>
    </BlockStack>
  );
}
