// What each admin action retouches, read from its selection: the one place where the collection's
// action and the product list's action differ. The shared component (RetouchAction.tsx) does the rest.
import type { BatchTarget } from "./start-batch";
import { loadCollectionSummary, loadProductsSummary, type QueryFn, type Summary } from "./summary";

export interface ActionSelection {
  /** Changes exactly when the selection does (the summary is reloaded then). */
  key: string;
  scope: "collection" | "products";
  target: BatchTarget;
  load(query: QueryFn): Promise<Summary>;
}

type Selected = ReadonlyArray<{ id: string }>;

/** A collection's page: the first selected entry is the collection. */
export function collectionSelection(selected: Selected): ActionSelection {
  const collectionId = selected[0]?.id ?? "";
  return {
    key: collectionId,
    scope: "collection",
    target: { collectionId },
    load: (query) => loadCollectionSummary(query, collectionId),
  };
}

/** The product list: every selected product. */
export function productsSelection(selected: Selected): ActionSelection {
  const productIds = selected.map((s) => s.id);
  return {
    key: productIds.join(","),
    scope: "products",
    target: { productIds },
    load: (query) => loadProductsSummary(query, productIds),
  };
}
