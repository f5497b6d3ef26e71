// Settings: the look of retouched photos, guard thresholds, the auto-processing policy and daily cap,
// and per collection an approved reference image.
import { data as json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { SaveBar } from "@shopify/app-bridge-react";
import { useState } from "react";
import { authenticate } from "../../core/shopify/shopify-app.server";
import {
  clearReference,
  getShopSettings,
  referenceRows,
  replaceShopSettings,
  setReference,
} from "../../core/batches/service.server";
import { parseSettings, type ShopSettings } from "../../core/settings/settings";
import { LookSection } from "../components/settings/LookSection";
import { GuardSection } from "../components/settings/GuardSection";
import { AutoSection } from "../components/settings/AutoSection";
import { ReferenceTable } from "../components/settings/ReferenceTable";
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
  if (intent === "save") {
    // The form sends the full set of thresholds: one left empty goes back to its default.
    await replaceShopSettings(shop, parseSettings(formObject(form, "settings") ?? {}));
    return { ok: "Settings saved. They apply to photos retouched from now on." };
  }
  if (intent === "setReference") {
    await setReference(shop, String(form.get("collectionId")), String(form.get("imageId")));
    return { ok: "Reference image set." };
  }
  if (intent === "clearReference") {
    await clearReference(shop, String(form.get("collectionId")));
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
            <AutoSection
              policy={draft.autoPolicy}
              cap={draft.dailyCap}
              onChange={(v) => setDraft({ ...draft, ...v })}
            />
            <GuardSection
              value={draft.guardThresholds}
              onChange={(guardThresholds) => setDraft({ ...draft, guardThresholds })}
            />
            {collectionsFailed ? (
              <Banner
                tone="warning"
                title="Loupe couldn't load your collections from Shopify. Reload the page to try again."
              />
            ) : (
              <ReferenceTable rows={rows} />
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
