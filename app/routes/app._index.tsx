// Home: what Loupe does, what auto-processing is doing, start a batch (collection or products),
// recent batches with progress.
import { data as json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { authenticate } from "../../core/shopify/shopify-app.server";
import { createBatch, listBatches } from "../../core/batches/service.server";
import { readForm } from "../http/form.server";
import { actionError } from "../ui/errors";
import { BatchStarter } from "../components/home/BatchStarter";
import { RecentBatches } from "../components/home/RecentBatches";
import { usePolling } from "../ui/use-polling";
import { batchProgress } from "../ui/progress";
import type { BatchSummaryView } from "../ui/types";
import { ActionResultBanner } from "../components/common/ActionResultBanner";
import { AutoStatusCard, type AutoStatusView } from "../components/home/AutoStatusCard";
import { getAutoProcessingStatus } from "../../core/autoprocess/status.server";
import { describeLastRun, getAutoActivity } from "../../core/autoprocess/activity.server";

const PICKER_QUERY = `#graphql
  query LoupePickerData {
    collections(first: 50, sortKey: TITLE) {
      nodes {
        id
        title
        productsCount {
          count
        }
      }
    }
    products(first: 50, sortKey: TITLE) {
      nodes {
        id
        title
        mediaCount {
          count
        }
      }
    }
  }
`;

interface PickerData {
  data?: {
    collections: { nodes: Array<{ id: string; title: string; productsCount: { count: number } | null }> };
    products: { nodes: Array<{ id: string; title: string; mediaCount: { count: number } | null }> };
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  const [batches, picker, auto, activity] = await Promise.all([
    listBatches(session.shop, { limit: 10 }),
    admin
      .graphql(PICKER_QUERY)
      .then((r) => r.json() as Promise<PickerData>)
      .catch(() => ({}) as PickerData),
    getAutoProcessingStatus(session.shop),
    getAutoActivity(session.shop),
  ]);
  const autoStatus: AutoStatusView = {
    message: auto.message,
    policy: auto.policy,
    dailyCap: auto.dailyCap,
    usedToday: auto.usedToday,
    pending: auto.pending,
    lastRun: describeLastRun(activity.lastRunAt),
    lastBatch: activity.lastBatch,
  };
  return {
    shop: session.shop,
    batches: batches.map((b) => ({ ...b, createdAt: new Date(b.createdAt).toISOString() })) as BatchSummaryView[],
    collections: (picker.data?.collections.nodes ?? []).map((c) => ({
      id: c.id,
      title: c.title,
      productsCount: c.productsCount?.count ?? 0,
    })),
    products: (picker.data?.products.nodes ?? []).map((p) => ({
      id: p.id,
      title: p.title,
      mediaCount: p.mediaCount?.count ?? 0,
    })),
    pickerFailed: !picker.data,
    autoStatus,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, redirect } = await authenticate.admin(request);
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (err) {
    const e = actionError(err);
    return json({ error: e.error }, { status: e.status });
  }
  const collectionId = String(form.get("collectionId") ?? "");
  const productIds = String(form.get("productIds") ?? "")
    .split(",")
    .filter(Boolean);
  if (!collectionId && productIds.length === 0) return { error: "Pick a collection or at least one product." };
  try {
    const batch = await createBatch(session.shop, collectionId ? { collectionId } : { productIds });
    return redirect(`/app/batches/${batch.id}`);
  } catch (err) {
    const e = actionError(err);
    return json({ error: `Loupe couldn't start this batch: ${e.error}` }, { status: e.status });
  }
}

export default function Home() {
  const { shop, batches, collections, products, pickerFailed, autoStatus } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  usePolling(
    batches.some((b) => batchProgress(b.counts, b.total).running),
    3000,
  );
  return (
    <Page title="Loupe" secondaryActions={[{ content: "Settings", url: "/app/settings" }]}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="p" variant="bodyLg">
                  Loupe retouches your jewelry photos — clean studio background, dust removed, consistent exposure — and
                  shows you where a human should look before anything reaches your store.
                </Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  Connected to {shop}
                </Text>
              </BlockStack>
            </Card>
            <ActionResultBanner result={result} />
            <AutoStatusCard status={autoStatus} />
            {pickerFailed ? (
              <Banner
                tone="warning"
                title="Loupe couldn't load your collections and products from Shopify. Reload the page to try again."
              />
            ) : null}
            <BatchStarter collections={collections} products={products} />
            <RecentBatches batches={batches} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
