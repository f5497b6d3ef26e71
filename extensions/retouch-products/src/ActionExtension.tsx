// Admin action on the product list's selection: shows how many images of the selected products Loupe
// would retouch, starts the batch (POST /api/batches { productIds }) and links to it in the app.
// All the logic is in ../../shared (plain TypeScript, unit-tested); this file only renders it.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Msg } from "../../shared/messages";
import { actionState, type Attempt } from "../../shared/action-state";
import { startBatch } from "../../shared/start-batch";
import { loadProductsSummary, summaryErrorView, summaryView, type SummaryView } from "../../shared/summary";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  const { i18n, close, data, query } = shopify;
  const key = data.selected.map((s) => s.id).join(",");
  const productIds = key ? key.split(",") : [];
  const t = (m: Msg) => i18n.translate(m.key, m.params);
  const [summary, setSummary] = useState<SummaryView | null>(null);
  const [outcome, setOutcome] = useState<Attempt>(null);

  useEffect(() => {
    loadProductsSummary(query, key ? key.split(",") : []).then(
      (s) => setSummary(summaryView(s, "products")),
      () => setSummary(summaryErrorView()),
    );
  }, [key, query]);

  const onStart = async () => {
    setOutcome("starting");
    setOutcome(await startBatch((url, init) => fetch(url, init), { productIds }));
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
