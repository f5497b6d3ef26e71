// Query cost as Shopify computes it, approximately: scalars 0, objects 1, connections 2 + first × child,
// mutations 10. And the per-shop leaky bucket that THROTTLEs requests that do not fit.
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

function selectionCost(set: SelectionSetNode | undefined, vars: Record<string, unknown>): number {
  if (!set) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) total += selectionCost(sel.selectionSet, vars);
    else if (sel.kind === Kind.FIELD && sel.selectionSet) {
      const args = new Map(sel.arguments?.map((a) => [a.name.value, a.value]));
      const n = argNumber(args.get("first"), vars) ?? argNumber(args.get("last"), vars);
      const child = selectionCost(sel.selectionSet, vars);
      total += n !== null ? 2 + n * Math.max(1, child) : 1 + child;
    }
  }
  return total;
}

export function requestedCost(op: OperationDefinitionNode, vars: Record<string, unknown>): number {
  if (op.operation === "mutation") return 10 + op.selectionSet.selections.length - 1;
  return Math.max(1, Math.ceil(selectionCost(op.selectionSet, vars) / 10));
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

export function throttleStatus(b: BucketState) {
  return { maximumAvailable: b.maximumAvailable, currentlyAvailable: Math.floor(b.currentlyAvailable), restoreRate: b.restoreRate };
}
