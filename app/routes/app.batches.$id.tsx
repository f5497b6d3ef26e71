// Batch: progress while it runs (polled), the photos as a filterable grid, bulk approve/publish,
// cancel, the batch consistency panel (the batch guards' limits, with the shop's overrides) and the
// shoot report.
import { data as json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { authenticate } from "../../core/shopify/shopify-app.server";
import {
  approveAllWithoutWarnings,
  cancelBatch,
  getBatch,
  getImage,
  getShopSettings,
  publishApproved,
} from "../../core/batches/service.server";
import { shootAdvice } from "../../core/batches/shoot-advice.server";
import { getStorage } from "../../core/storage";
import type { ImageReport } from "../../workers/retouch/contract";
import { BatchProgress } from "../components/batch/BatchProgress";
import { ImageGrid } from "../components/batch/ImageGrid";
import { applyFilter, GridFilters, type GridFilter } from "../components/batch/GridFilters";
import { ConsistencyPanel } from "../components/batch/ConsistencyPanel";
import { ShootReportCard } from "../components/batch/ShootReportCard";
import { BatchStatusBadge } from "../components/common/BatchStatusBadge";
import { batchConsistency } from "../../core/batches/consistency";
import { batchProgress } from "../ui/progress";
import { actionError } from "../ui/errors";
import { readForm } from "../http/form.server";
import { usePolling } from "../ui/use-polling";
import { warningCodes } from "../ui/warnings";
import type { ImageCardView, Warning } from "../ui/types";
import { ActionResultBanner } from "../components/common/ActionResultBanner";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const batch = await getBatch(session.shop, params.id!);
  if (!batch) throw new Response("This batch doesn't exist, or belongs to another store.", { status: 404 });
  const storage = getStorage();
  // Details (thumbnail key, report) only for photos that have a result.
  const details = await Promise.all(
    batch.images.map((i) => (i.state === "queued" || i.state === "processing" ? null : getImage(session.shop, i.id))),
  );
  const images: ImageCardView[] = await Promise.all(
    batch.images.map(async (i, k) => {
      const thumb = details[k]?.keys.thumb;
      return {
        id: i.id,
        productTitle: i.productTitle,
        position: i.position,
        state: i.state,
        warnings: i.warnings as Warning[],
        warningCount: i.warningCount,
        lastError: i.lastError,
        thumbUrl: thumb ? await storage.signedUrl(thumb) : null,
      };
    }),
  );
  const settings = await getShopSettings(session.shop);
  const reports = details.map((d) => (d?.report as ImageReport | null) ?? null);
  const findings = batchConsistency(
    // Photos with a report (retouched); each carries the summary the batch guards compare.
    batch.images.flatMap((i, k) =>
      reports[k]
        ? [{ id: i.id, title: `${i.productTitle}, photo ${i.position + 1}`, summary: reports[k].batch ?? null }]
        : [],
    ),
    settings.guardThresholds,
  );
  const shoot = shootAdvice(reports, settings.size, settings.upscale).map(({ code, message, tip }) => ({
    code,
    message,
    tip,
  }));
  return {
    shoot,
    retouched: reports.filter(Boolean).length,
    batch: {
      id: batch.id,
      title: batch.title,
      status: batch.status,
      total: batch.total,
      counts: batch.counts,
      createdAt: new Date(batch.createdAt).toISOString(),
    },
    images,
    findings,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  try {
    const intent = String((await readForm(request)).get("intent"));
    if (intent === "approveAll") {
      const n = await approveAllWithoutWarnings(session.shop, params.id!);
      return { ok: `${n} photo${n === 1 ? "" : "s"} without warnings approved.` };
    }
    if (intent === "publishApproved") {
      const n = await publishApproved(session.shop, params.id!);
      return { ok: `Publishing ${n} approved photo${n === 1 ? "" : "s"} to your store.` };
    }
    if (intent === "cancel") {
      await cancelBatch(session.shop, params.id!);
      return { ok: "Batch cancelled: photos not yet retouched won't be." };
    }
    return json({ error: `Unknown action ${intent}` }, { status: 400 });
  } catch (err) {
    const e = actionError(err);
    return json({ error: e.error }, { status: e.status });
  }
}

export default function BatchPage() {
  const { batch, images, findings, shoot, retouched } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const nav = useNavigation();
  const [filter, setFilter] = useState<GridFilter>({ state: "all", warning: "all" });
  const p = batchProgress(batch.counts, batch.total);
  const active = batch.status === "pulling" || p.running;
  usePolling(active, 1500);
  const shown = useMemo(() => applyFilter(images, filter), [images, filter]);
  const codes = useMemo(() => warningCodes(images.flatMap((i) => i.warnings)), [images]);
  const busy = (intent: string) => nav.state !== "idle" && nav.formData?.get("intent") === intent;
  const run = (intent: string) => submit({ intent }, { method: "post" });
  const reviewWithoutWarnings = images.filter(
    (i) => i.state === "review" && !i.warnings.some((w) => w.severity === "warning"),
  ).length;

  return (
    <Page
      backAction={{ content: "Home", url: "/app" }}
      title={batch.title || "Batch"}
      titleMetadata={<BatchStatusBadge status={batch.status} counts={batch.counts} />}
      subtitle={`Started ${new Date(batch.createdAt).toLocaleString()}`}
      primaryAction={{
        content: "Publish approved",
        disabled: p.approved === 0,
        loading: busy("publishApproved"),
        onAction: () => run("publishApproved"),
        helpText: p.approved === 0 ? "Approve photos first." : undefined,
      }}
      secondaryActions={[
        {
          content: `Approve all without warnings (${reviewWithoutWarnings})`,
          disabled: reviewWithoutWarnings === 0,
          loading: busy("approveAll"),
          onAction: () => run("approveAll"),
        },
        {
          content: "Cancel batch",
          destructive: true,
          disabled: !active,
          loading: busy("cancel"),
          onAction: () => run("cancel"),
        },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ActionResultBanner result={result} />
            <Card>
              <BatchProgress counts={batch.counts} total={batch.total} status={batch.status} />
            </Card>
            <Card>
              <BlockStack gap="300">
                <GridFilters value={filter} onChange={setFilter} codes={codes} counts={batch.counts} />
                <ImageGrid images={shown} filtered={filter.state !== "all" || filter.warning !== "all"} />
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <ConsistencyPanel findings={findings} />
          <div style={{ marginTop: "var(--p-space-400)" }}>
            <ShootReportCard items={shoot} retouched={retouched} />
          </div>
          <div style={{ marginTop: "var(--p-space-400)" }}>
            <Text as="p" variant="bodySm" tone="subdued">
              Photos with warnings are never approved in bulk: open each one and check it at 100 %.
            </Text>
          </div>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
