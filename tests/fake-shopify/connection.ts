// Relay-style connections over an array, as Shopify pages them (first/after, last/before).
export interface ConnArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

const enc = (i: number) => Buffer.from(`idx:${i}`).toString("base64url");
const dec = (c: string) => {
  const m = /^idx:(\d+)$/.exec(Buffer.from(c, "base64url").toString());
  if (!m) throw new Error(`Invalid cursor: ${c}`);
  return Number(m[1]);
};

/** `unbounded`: bulk operations page through everything without first/last. */
export function connection<T>(all: T[], args: ConnArgs, unbounded = false) {
  const items = args.reverse ? [...all].reverse() : all;
  if (unbounded && args.first == null && args.last == null) args = { ...args, first: items.length };
  if (args.first == null && args.last == null) throw new Error("you must provide one of first or last");
  if (!unbounded && ((args.first ?? 0) > 250 || (args.last ?? 0) > 250))
    throw new Error("The maximum page size is 250");
  let start = args.after ? dec(args.after) + 1 : 0;
  let end = args.before ? dec(args.before) : items.length;
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const slice = items.slice(start, end).map((node, k) => ({ node, cursor: enc(start + k) }));
  return {
    edges: slice,
    nodes: slice.map((e) => e.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice[slice.length - 1]?.cursor ?? null,
    },
  };
}
