// Query cost as Shopify publishes it (shopify.dev "API rate limits", calculated query cost): scalars 0,
// objects 1, connections 2 + first × node, mutations 10. And the per-shop leaky bucket (Standard plan:
// 100 points restored per second) that THROTTLEs requests that do not fit. Every answered request's
// cost goes on the shop's meter (store.spent), so tests can measure what a workflow costs.
import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";
import type { BucketState, FakeStore } from "./store";

function argNumber(v: ValueNode | undefined, vars: Record<string, unknown>): number | null {
  if (!v) return null;
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.VARIABLE) {
    const x = vars[v.name.value];
    return typeof x === "number" ? x : null;
  }
  return null;
}

/** Shopify's published cost model: scalars and enums 0, an object 1, a connection 2 + (first|last) × the
 *  cost of one node (the node object 1 + the objects inside it), pageInfo free; a mutation 10. */
function selectionCost(set: SelectionSetNode | undefined, vars: Record<string, unknown>): number {
  if (!set) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) total += selectionCost(sel.selectionSet, vars);
    else if (sel.kind === Kind.FIELD && sel.selectionSet) {
      const args = new Map(sel.arguments?.map((a) => [a.name.value, a.value]));
      const n = argNumber(args.get("first"), vars) ?? argNumber(args.get("last"), vars);
      total += n !== null ? 2 + n * nodeCost(sel.selectionSet, vars) : 1 + selectionCost(sel.selectionSet, vars);
    }
  }
  return total;
}

/** One node of a connection: `nodes { … }` or `edges { node { … } }` (pageInfo costs nothing). */
function nodeCost(set: SelectionSetNode, vars: Record<string, unknown>): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD || !sel.selectionSet || sel.name.value === "pageInfo") continue;
    if (sel.name.value === "nodes") cost = Math.max(cost, 1 + selectionCost(sel.selectionSet, vars));
    else if (sel.name.value === "edges") {
      const node = sel.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === "node");
      cost = Math.max(cost, 1 + (node && node.kind === Kind.FIELD ? selectionCost(node.selectionSet, vars) : 0));
    } else cost += 1 + selectionCost(sel.selectionSet, vars);
  }
  return Math.max(1, cost);
}

export function requestedCost(op: OperationDefinitionNode, vars: Record<string, unknown>): number {
  if (op.operation === "mutation") return 10;
  return Math.max(1, selectionCost(op.selectionSet, vars));
}

export function bucketFor(store: FakeStore, shop: string, now = Date.now()): BucketState {
  let b = store.buckets.get(shop);
  const cfg = store.settings.bucket;
  if (!b || b.maximumAvailable !== cfg.maximumAvailable || b.restoreRate !== cfg.restoreRate) {
    b = { ...cfg, currentlyAvailable: cfg.maximumAvailable, at: now };
    store.buckets.set(shop, b);
  }
  b.currentlyAvailable = Math.min(b.maximumAvailable, b.currentlyAvailable + ((now - b.at) / 1000) * b.restoreRate);
  b.at = now;
  return b;
}

/** Adds an answered request's cost to the shop's meter. */
export function meter(store: FakeStore, shop: string, cost: number): void {
  store.spent.set(shop, (store.spent.get(shop) ?? 0) + cost);
}

export function throttleStatus(b: BucketState) {
  return {
    maximumAvailable: b.maximumAvailable,
    currentlyAvailable: Math.floor(b.currentlyAvailable),
    restoreRate: b.restoreRate,
  };
}
