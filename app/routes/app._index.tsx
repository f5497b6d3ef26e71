import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  return { shop: session.shop };
}

export default function Home() {
  const { shop } = useLoaderData<typeof loader>();
  return (
    <Page title="Loupe">
      <Card>
        <BlockStack gap="200">
          <Text as="p" variant="bodyMd">
            Loupe retouches your jewelry photos — clean studio background, dust removed, consistent exposure — and
            tells you where a human should look before anything reaches your store.
          </Text>
          <Text as="p" variant="bodySm" tone="subdued">
            Connected to {shop}
          </Text>
        </BlockStack>
      </Card>
    </Page>
  );
}
