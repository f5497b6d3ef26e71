// Settings: the look of retouched photos, guard thresholds, the auto-processing policy and daily cap,
// and per collection an approved reference image.
import { data as json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { SaveBar } from "@shopify/app-bridge-react";
import { useState } from "react";
import { authenticate } from "../shopify.server";
import { getShopSettings, saveShopSettings } from "../batches/service.server";
import { db } from "../batches/db.server";
import { getStorage } from "../storage";
import { parseSettings, type ShopSettings } from "../settings/settings";
import { LookSection } from "../components/settings/LookSection";
import { GuardSection } from "../components/settings/GuardSection";
import { AutoSection } from "../components/settings/AutoSection";
import { ReferenceTable, type ReferenceRow } from "../components/settings/ReferenceTable";
import { ActionResultBanner } from "../components/common/ActionResultBanner";
import { formObject, readForm } from "../http/form.server";
import { actionError } from "../ui/errors";

const COLLECTIONS_QUERY = `#graphql
  query LoupeSettingsCollections {
    collections(first: 50, sortKey: TITLE) {
      nodes {
        id
        title
      }
    }
  }
`;

interface CollectionsData {
  data?: { collections: { nodes: Array<{ id: string; title: string }> } };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  const shop = session.shop;
  const [settings, collections] = await Promise.all([
    getShopSettings(shop),
    admin
      .graphql(COLLECTIONS_QUERY)
      .then((r) => r.json() as Promise<CollectionsData>)
      .then((d) => d.data?.collections.nodes ?? [])
      .catch(() => null),
  ]);
  const rows = await referenceRows(shop, collections ?? []);
  return { settings, rows, collectionsFailed: collections === null };
}

async function referenceRows(shop: string, collections: Array<{ id: string; title: string }>): Promise<ReferenceRow[]> {
  if (collections.length === 0) return [];
  const client = await db();
  const ids = collections.map((c) => c.id);
  const [refs, jobs] = await Promise.all([
    client.collectionReference.findMany({ where: { shop, collectionId: { in: ids } } }),
    client.imageJob.findMany({
      where: { shop, state: { in: ["approved", "published"] }, resultId: { not: null }, batch: { collectionId: { in: ids } } },
      select: { id: true, productTitle: true, position: true, resultId: true, mediaId: true, batch: { select: { collectionId: true } } },
      orderBy: { updatedAt: "desc" },
      take: 500,
    }),
  ]);
  const results = await client.retouchResult.findMany({
    where: { shop, OR: [{ id: { in: jobs.map((j) => j.resultId!) } }, { compositeKey: { in: refs.map((r) => r.blobKey) } }] },
    select: { id: true, thumbKey: true, compositeKey: true },
  });
  const storage = getStorage();
  return Promise.all(
    collections.map(async (c) => {
      const ref = refs.find((r) => r.collectionId === c.id);
      const refResult = ref ? results.find((r) => r.compositeKey === ref.blobKey) : undefined;
      const refJob = ref ? jobs.find((j) => j.mediaId === ref.mediaId) : undefined;
      const seen = new Set<string>();
      const candidates = jobs
        .filter((j) => j.batch.collectionId === c.id && !seen.has(j.mediaId) && seen.add(j.mediaId))
        .map((j) => ({ imageId: j.id, label: `${j.productTitle}, photo ${j.position + 1}` }));
      return {
        collectionId: c.id,
        title: c.title,
        current: ref ? { thumbUrl: refResult ? await storage.signedUrl(refResult.thumbKey) : null, label: refJob ? `${refJob.productTitle}, photo ${refJob.position + 1}` : "An approved photo" } : null,
        candidates,
      };
    }),
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  try {
    return await settingsAction(session.shop, await readForm(request));
  } catch (err) {
    const e = actionError(err);
    return json({ error: e.error }, { status: e.status });
  }
}

async function settingsAction(shop: string, form: FormData) {
  const intent = String(form.get("intent"));
  const client = await db();
  if (intent === "save") {
    const raw = (formObject(form, "settings") ?? {}) as Partial<ShopSettings>;
    const parsed = parseSettings(raw);
    // saveShopSettings merges guard thresholds; the form sends the full set, so clear the stored ones
    // first (otherwise an emptied field could never go back to its default).
    const current = await client.shop.findUnique({ where: { shop } });
    if (current) await client.shop.update({ where: { shop }, data: { settings: JSON.stringify({ ...parsed, guardThresholds: {} }) } });
    await saveShopSettings(shop, parsed);
    return { ok: "Settings saved. They apply to photos retouched from now on." };
  }
  if (intent === "setReference") {
    const collectionId = String(form.get("collectionId"));
    const job = await client.imageJob.findFirst({ where: { id: String(form.get("imageId")), shop, state: { in: ["approved", "published"] } } });
    const result = job?.resultId ? await client.retouchResult.findFirst({ where: { id: job.resultId, shop } }) : null;
    if (!job || !result) return json({ error: "Pick an approved or published photo." }, { status: 400 });
    const data = { productId: job.productId, mediaId: job.mediaId, blobKey: result.compositeKey };
    await client.collectionReference.upsert({ where: { shop_collectionId: { shop, collectionId } }, create: { shop, collectionId, ...data }, update: data });
    return { ok: "Reference image set." };
  }
  if (intent === "clearReference") {
    await client.collectionReference.deleteMany({ where: { shop, collectionId: String(form.get("collectionId")) } });
    return { ok: "Reference image removed." };
  }
  return json({ error: `Unknown action ${intent}` }, { status: 400 });
}

export default function SettingsPage() {
  const { settings, rows, collectionsFailed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const saving = useNavigation().state === "submitting";
  const [draft, setDraft] = useState<ShopSettings>(settings);
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings);
  const save = () => submit({ intent: "save", settings: JSON.stringify(draft) }, { method: "post" });
  const discard = () => setDraft(settings);

  return (
    <Page backAction={{ content: "Home", url: "/app" }} title="Settings">
      {/* The contextual save bar (App Bridge's ui-save-bar): shown while the form differs from what is saved. */}
      <SaveBar id="settings-save-bar" open={dirty}>
        <button variant="primary" onClick={save} loading={saving ? "" : undefined} disabled={saving}>
          Save
        </button>
        <button onClick={discard} disabled={saving}>
          Discard
        </button>
      </SaveBar>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <ActionResultBanner result={result} />
            <LookSection value={draft} onChange={(v) => setDraft({ ...draft, ...v })} />
            <AutoSection policy={draft.autoPolicy} cap={draft.dailyCap} onChange={(v) => setDraft({ ...draft, ...v })} />
            <GuardSection value={draft.guardThresholds} onChange={(guardThresholds) => setDraft({ ...draft, guardThresholds })} />
            {collectionsFailed ? <Banner tone="warning" title="Loupe couldn't load your collections from Shopify. Reload the page to try again." /> : <ReferenceTable rows={rows} />}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
