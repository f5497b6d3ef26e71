// bulkOperationRunQuery: the inner query is validated against the schema and executed over the
// whole store (connections unbounded), flattened to JSONL with __parentId, and published after a delay.
import { execute, parse, type DocumentNode } from "graphql";
import { randomBytes } from "node:crypto";
import type { Ctx } from "./resolvers";
import { rootQuery } from "./resolvers";
import { loadAdminSchema, validateOperation } from "./schema";

export const BULK_DELAY_MS = 200;

export function runBulkQuery(ctx: Ctx, query: string) {
  let doc: DocumentNode;
  try {
    doc = parse(query);
  } catch (e) {
    return {
      bulkOperation: null,
      userErrors: [{ field: ["query"], message: `Invalid bulk query: ${(e as Error).message}`, code: "INVALID" }],
    };
  }
  const errs = validateOperation(doc);
  if (errs.length)
    return {
      bulkOperation: null,
      userErrors: [{ field: ["query"], message: errs.map((e) => e.message).join("; "), code: "INVALID" }],
    };
  const running = Object.values(ctx.store.data.bulk).filter((b) => b.shop === ctx.shop && b.status === "RUNNING");
  if (running.length >= 5)
    return {
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: "A bulk query operation for this app and shop is already in progress",
          code: "OPERATION_IN_PROGRESS",
        },
      ],
    };
  const result = execute({
    schema: loadAdminSchema(),
    document: doc,
    rootValue: rootQuery({ ...ctx, bulk: true }),
  }) as { data?: Record<string, unknown>; errors?: unknown[] };
  const lines: string[] = [];
  let roots = 0;
  for (const value of Object.values(result.data ?? {})) {
    for (const node of nodesOf(value)) {
      roots++;
      flatten(node, null, lines);
    }
  }
  const id = ctx.store.nextId("BulkOperation");
  const resultKey = `bulk/${randomBytes(6).toString("hex")}.jsonl`;
  ctx.store.data.staged[resultKey] = {
    sha: ctx.store.putBlob(Buffer.from(lines.join("\n") + (lines.length ? "\n" : ""))),
    mimeType: "application/jsonl",
    filename: "bulk.jsonl",
    width: 0,
    height: 0,
  };
  ctx.store.data.bulk[id] = {
    id,
    shop: ctx.shop,
    status: "RUNNING",
    query,
    resultKey,
    objectCount: lines.length,
    rootObjectCount: roots,
    createdAt: new Date(ctx.now).toISOString(),
    completedAt: null,
    readyAt: ctx.now + BULK_DELAY_MS,
  };
  ctx.store.markDirty();
  return {
    bulkOperation: {
      __typename: "BulkOperation",
      id,
      status: "CREATED",
      query,
      errorCode: null,
      objectCount: "0",
      rootObjectCount: "0",
      url: null,
      partialDataUrl: null,
      createdAt: new Date(ctx.now).toISOString(),
      completedAt: null,
      type: "QUERY",
      fileSize: null,
    },
    userErrors: [],
  };
}

function nodesOf(conn: unknown): Record<string, unknown>[] {
  const c = conn as { edges?: Array<{ node: Record<string, unknown> }>; nodes?: Record<string, unknown>[] } | null;
  if (!c) return [];
  return c.edges ? c.edges.map((e) => e.node) : (c.nodes ?? []);
}

function flatten(node: Record<string, unknown>, parentId: string | null, out: string[]): void {
  const own: Record<string, unknown> = {};
  const children: Record<string, unknown>[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (v && typeof v === "object" && ("edges" in (v as object) || "nodes" in (v as object)))
      children.push(...nodesOf(v));
    else own[k] = v;
  }
  if (parentId) own.__parentId = parentId;
  out.push(JSON.stringify(own));
  for (const c of children) flatten(c, String(node.id ?? parentId), out);
}
