// The admin action both extensions render: how much Loupe would retouch, a start button
// (POST /api/batches) and a link to the batch in the app. What differs between the two extensions is
// their selection (selection.ts); the logic is plain TypeScript beside this file, unit-tested.
import { useEffect, useState } from "preact/hooks";
import type { Msg } from "./messages";
import { actionState, type Attempt } from "./action-state";
import type { ActionSelection } from "./selection";
import { startBatch } from "./start-batch";
import { summaryErrorView, summaryView, type QueryFn, type SummaryView } from "./summary";

/** The parts of the extension's `shopify` global this component uses. */
export interface ActionApi {
  i18n: { translate(key: string, params?: Msg["params"]): string };
  close(): void;
  query: QueryFn;
}

export function RetouchAction({ api, selection }: { api: ActionApi; selection: ActionSelection }) {
  const { i18n, close, query } = api;
  const t = (m: Msg) => i18n.translate(m.key, m.params);
  const [summary, setSummary] = useState<SummaryView | null>(null);
  const [outcome, setOutcome] = useState<Attempt>(null);

  useEffect(() => {
    selection.load(query).then(
      (s) => setSummary(summaryView(s, selection.scope)),
      () => setSummary(summaryErrorView()),
    );
    // The selection object is rebuilt on every render; its key says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection.key, query]);

  const onStart = async () => {
    setOutcome("starting");
    setOutcome(await startBatch((url, init) => fetch(url, init), selection.target));
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
