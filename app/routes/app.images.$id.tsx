// Image review: before/after (slider and side by side), zoom to 100 % and pan, overlays (cutout edge,
// removed spots, warning areas), color swatches with ΔE00, approve/reject/publish/revert, undo a
// removed spot or re-run with other settings. Polls while the photo is being worked on.
import { useState } from "react";
import { data as json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, SkeletonDisplayText, Text } from "@shopify/polaris";
import { authenticate } from "../../core/shopify/shopify-app.server";
import {
  approveImage,
  getImage,
  getShopSettings,
  neighboursInBatch,
  nextToReviewAfter,
  publishImage,
  referenceKeyForBatch,
  rejectImage,
  rerunImage,
  revertImage,
} from "../../core/batches/service.server";
import { getStorage } from "../../core/storage";
import type { ImageReport } from "../../workers/retouch/contract";
import { ReviewViewer } from "../components/review/ReviewViewer";
import { WarningList } from "../components/review/WarningList";
import { Swatches } from "../components/review/Swatches";
import { SpotList } from "../components/review/SpotList";
import { ReviewActions } from "../components/review/ReviewActions";
import { RerunForm, type RerunSettings } from "../components/review/RerunForm";
import type { LabeledBox } from "../components/review/RegionBoxes";
import { StateBadge } from "../components/common/StateBadge";
import { actionError } from "../ui/errors";
import { formIndexes, formObject, readForm } from "../http/form.server";
import { regionBoxes } from "../ui/geometry";
import { isBusy } from "../ui/states";
import { usePolling } from "../ui/use-polling";
import { warningTitle } from "../ui/warnings";
import type { SpotView, Warning } from "../ui/types";
import { flippedSpotIds, spotSections } from "../ui/spots";
import { ActionResultBanner } from "../components/common/ActionResultBanner";
import { EditorCard } from "../components/editor/EditorCard";
import { ReviewNavigator } from "../components/review/ReviewNavigator";
import { concernsMatte } from "../ui/matte-warnings";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const shop = session.shop;
  const image = await getImage(shop, params.id!);
  if (!image) throw new Response("This photo doesn't exist, or belongs to another store.", { status: 404 });
  const storage = getStorage();
  const sign = (key?: string) => (key ? storage.signedUrl(key) : Promise.resolve(null));
  const refKey = await referenceKeyForBatch(shop, image.batchId);
  const [original, composite, cutout, reference, settings, nav] = await Promise.all([
    sign(image.keys.original),
    sign(image.keys.composite),
    sign(image.keys.cutout),
    sign(refKey ?? undefined),
    getShopSettings(shop),
    neighboursInBatch(shop, image.batchId, image.id),
  ]);
  const report = image.report as ImageReport | null;
  return {
    image: {
      id: image.id,
      batchId: image.batchId,
      productTitle: image.productTitle,
      mediaId: image.mediaId,
      position: image.position,
      state: image.state,
      lastError: image.lastError,
      warnings: (report?.warnings ?? image.warnings) as Warning[],
    },
    urls: { original, composite, cutout, reference },
    size: report ? { width: report.input.width, height: report.input.height } : null,
    framing: report?.framing ?? null,
    spots: (report?.edits ?? []) as SpotView[],
    settings: {
      background: settings.background,
      marginPct: settings.marginPct,
      shadow: settings.shadow,
      size: settings.size,
    },
    gains: report?.gains ?? null,
    nav,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const id = params.id!;
  try {
    const form = await readForm(request);
    const intent = String(form.get("intent"));
    switch (intent) {
      case "approve":
        await approveImage(session.shop, id);
        return { ok: "Approved. Publish it when you're ready.", next: await nextToReviewAfter(session.shop, id) };
      case "reject":
        await rejectImage(session.shop, id);
        return {
          ok: "Rejected: this photo stays as it is in your store.",
          next: await nextToReviewAfter(session.shop, id),
        };
      case "publish":
        await publishImage(session.shop, id);
        return { ok: "Publishing the retouched photo to your store…" };
      case "revert":
        await revertImage(session.shop, id);
        return { ok: "Putting the original photo back in your store…" };
      case "rerun": {
        const disabledSpots = formIndexes(form, "disabledSpots");
        const settings = formObject(form, "settings") as Partial<RerunSettings> | null;
        await rerunImage(session.shop, id, {
          ...(disabledSpots ? { disabledSpots } : {}),
          ...(settings ? { settings } : {}),
        });
        return { ok: "Re-running this photo: it will be back for review in a moment." };
      }
      default:
        return json({ error: `Unknown action ${intent}` }, { status: 400 });
    }
  } catch (err) {
    const e = actionError(err);
    return json({ error: e.error }, { status: e.status });
  }
}

export default function ImageReview() {
  const { image, urls, size, framing, spots, settings, nav: batchNav } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const nav = useNavigation();
  const busyIntent = nav.state !== "idle" ? String(nav.formData?.get("intent") ?? "") || null : null;
  usePolling(isBusy(image.state), 1500);
  // The open suggestions are listed and drawn only when the merchant asks to see them.
  const [showSuggested, setShowSuggested] = useState(false);
  const title = `${image.productTitle}, photo ${image.position + 1}`;
  const canRerun =
    image.state === "review" || image.state === "rejected" || image.state === "failed" || image.state === "reverted";
  const whole = framing?.box ?? { x: 0, y: 0, w: size?.width ?? 1, h: size?.height ?? 1 };
  const warningBoxes: LabeledBox[] = image.warnings.flatMap((w, i) =>
    regionBoxes(w, whole).map((box, k) => ({
      key: `w${i}-${k}`,
      box,
      label: warningTitle(w.code),
      tone: "warning" as const,
    })),
  );
  const { applied, suggested } = spotSections(spots);
  const spotBoxes: LabeledBox[] = (showSuggested ? [...applied, ...suggested] : applied).map((s) => ({
    key: `s${s.id}`,
    box: s.box,
    label: `#${s.id}`,
    tone: s.disabled ? ("spot-off" as const) : ("spot" as const),
  }));
  const warnCount = image.warnings.filter((w) => w.severity === "warning").length;

  return (
    <Page
      backAction={{ content: "Batch", url: `/app/batches/${image.batchId}` }}
      title={title}
      titleMetadata={<StateBadge state={image.state} />}
      fullWidth
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ActionResultBanner result={result} />
            <Card>
              {urls.original && size ? (
                <ReviewViewer
                  photoId={image.id}
                  width={size.width}
                  height={size.height}
                  urls={{ original: urls.original, composite: urls.composite, cutout: urls.cutout }}
                  framing={framing}
                  background={settings.background}
                  compositeSize={settings.size}
                  spotBoxes={spotBoxes}
                  warningBoxes={warningBoxes}
                  title={title}
                  edgeByDefault={concernsMatte(image.warnings)}
                />
              ) : (
                <BlockStack gap="300">
                  <div
                    style={{
                      aspectRatio: "1 / 1",
                      maxHeight: "60vh",
                      background: "var(--p-color-bg-surface-secondary)",
                      borderRadius: 8,
                      display: "grid",
                      placeItems: "center",
                    }}
                  >
                    <BlockStack gap="200" inlineAlign="center">
                      <SkeletonDisplayText size="small" />
                      <Text as="p" tone="subdued">
                        {image.state === "failed"
                          ? (image.lastError ?? "Loupe couldn't retouch this photo.")
                          : "Loupe is retouching this photo…"}
                      </Text>
                    </BlockStack>
                  </div>
                </BlockStack>
              )}
            </Card>
            {urls.original && size ? (
              <Swatches
                originalUrl={urls.original}
                compositeUrl={urls.composite}
                cutoutUrl={urls.cutout}
                referenceUrl={urls.reference}
                framing={framing}
                warnings={image.warnings}
              />
            ) : null}
            {urls.cutout && size ? (
              <EditorCard
                imageId={image.id}
                batchId={image.batchId}
                state={image.state}
                width={size.width}
                height={size.height}
                cutoutUrl={urls.cutout}
              />
            ) : null}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ReviewNavigator
              nav={batchNav}
              state={image.state}
              busy={busyIntent !== null}
              result={result}
              onDecision={(intent) => submit({ intent }, { method: "post" })}
            />
            <ReviewActions
              mediaId={image.mediaId}
              state={image.state}
              lastError={image.lastError}
              busyIntent={busyIntent}
              warnings={warnCount}
              onAction={(intent) => submit({ intent }, { method: "post" })}
            />
            <WarningList warnings={image.warnings} />
            <SpotList
              spots={spots}
              showSuggested={showSuggested}
              onShowSuggested={setShowSuggested}
              busy={busyIntent !== null}
              canRerun={canRerun}
              onChange={(disabled) =>
                submit({ intent: "rerun", disabledSpots: JSON.stringify(disabled) }, { method: "post" })
              }
            />
            <RerunForm
              initial={settings}
              busy={busyIntent === "rerun"}
              disabled={!canRerun}
              onRerun={(s) =>
                submit(
                  {
                    intent: "rerun",
                    settings: JSON.stringify(s),
                    disabledSpots: JSON.stringify(flippedSpotIds(spots)),
                  },
                  { method: "post" },
                )
              }
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
