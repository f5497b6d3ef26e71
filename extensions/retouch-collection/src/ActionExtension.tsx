// Admin action on a collection's page: shows how many products and images Loupe would retouch,
// starts the batch (POST /api/batches { collectionId }) and links to it in the app.
// All the logic is in ../../shared (plain TypeScript, unit-tested); this file only renders it.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Msg } from "../../shared/messages";
import { actionState, type Attempt } from "../../shared/action-state";
import { startBatch } from "../../shared/start-batch";
import { loadCollectionSummary, summaryErrorView, summaryView, type SummaryView } from "../../shared/summary";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  const { i18n, close, data, query } = shopify;
  const collectionId = data.selected[0]?.id ?? "";
  const t = (m: Msg) => i18n.translate(m.key, m.params);
  const [summary, setSummary] = useState<SummaryView | null>(null);
  const [outcome, setOutcome] = useState<Attempt>(null);

  useEffect(() => {
    loadCollectionSummary(query, collectionId).then(
      (s) => setSummary(summaryView(s, "collection")),
      () => setSummary(summaryErrorView()),
    );
  }, [collectionId, query]);

  const onStart = async () => {
    setOutcome("starting");
    setOutcome(await startBatch((url, init) => fetch(url, init), { collectionId }));
  };
  const { started, failed, canStart, starting } = actionState(summary, outcome);

  return (
    <s-admin-action heading={i18n.translate("heading")} loading={summary === null}>
      <s-stack direction="block" gap="base">
        {summary === null && <s-text>{i18n.translate("loading")}</s-text>}
        {summary?.kind === "ready" && summary.lines.map((line) => <s-text key={line.key}>{t(line)}</s-text>)}
        {summary && summary.kind !== "ready" && <s-text>{t(summary.message)}</s-text>}
        {started && (
          <s-stack direction="block" gap="small-200">
            <s-text type="strong">{t(started.message)}</s-text>
            <s-link href={started.link}>{i18n.translate("openBatch")}</s-link>
          </s-stack>
        )}
        {failed && <s-banner tone="critical">{t(failed.message)}</s-banner>}
      </s-stack>
      {canStart && (
        <s-button slot="primary-action" variant="primary" loading={starting} onClick={onStart}>
          {i18n.translate(failed ? "tryAgain" : "start")}
        </s-button>
      )}
      <s-button slot="secondary-actions" onClick={() => close()}>
        {i18n.translate("close")}
      </s-button>
    </s-admin-action>
  );
}
