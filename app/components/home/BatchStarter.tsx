// Starts a batch from a collection or selected products: App Bridge's resource picker inside the
// Shopify admin, the in-app picker (InAppPicker) when App Bridge is absent (the demo).
import { useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { resourcePicker } from "../../ui/app-bridge";
import { InAppPicker, type PickerCollection, type PickerProduct } from "./InAppPicker";

export function BatchStarter({
  collections,
  products,
}: {
  collections: PickerCollection[];
  products: PickerProduct[];
}) {
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  // Decided after hydration: the server cannot know whether App Bridge is around.
  const [adminPicker, setAdminPicker] = useState(false);
  useEffect(() => setAdminPicker(resourcePicker() !== null), []);

  const start = (fields: Record<string, string>) => submit({ intent: "start", ...fields }, { method: "post" });
  const pick = async (type: "collection" | "product") => {
    const picker = resourcePicker();
    if (!picker) return;
    const picked = await picker({ type, multiple: type === "product", action: "select" });
    if (!picked?.length) return;
    if (type === "collection") start({ collectionId: picked[0]!.id });
    else start({ productIds: picked.map((p) => p.id).join(",") });
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Start a batch
        </Text>
        {adminPicker ? (
          <InlineStack gap="200">
            <Button variant="primary" loading={busy} onClick={() => void pick("collection")}>
              Choose a collection
            </Button>
            <Button loading={busy} onClick={() => void pick("product")}>
              Choose products
            </Button>
          </InlineStack>
        ) : (
          <InAppPicker collections={collections} products={products} busy={busy} onStart={start} />
        )}
      </BlockStack>
    </Card>
  );
}
