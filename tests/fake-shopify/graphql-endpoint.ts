// POST /_host/<shop>/admin/api/<version>/graphql.json — every request is checked like Shopify would:
// access token, API version, the operation validated against the real 2026-10 schema with deprecated
// fields rejected, variables coerced; then cost, the leaky bucket, injected faults, and execution.
import { execute, getOperationAST, parse, type DocumentNode } from "graphql";
import { bucketFor, meter, requestedCost, throttleStatus } from "./cost";
import { rootMutation, rootQuery, type Ctx } from "./resolvers";
import { loadAdminSchema, validateOperation } from "./schema";
import type { FakeStore } from "./store";

export const FAKE_API_VERSION = "2026-10";

export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function handleGraphql(store: FakeStore, shop: string, version: string, req: Request): Promise<JsonReply> {
  const token = store.validToken(shop, req.headers.get("x-shopify-access-token"));
  if (!token)
    return {
      status: 401,
      body: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
    };
  if (version !== FAKE_API_VERSION)
    return { status: 404, body: { errors: `This fake only serves API version ${FAKE_API_VERSION}, not ${version}` } };
  let body: { query?: string; variables?: Record<string, unknown>; operationName?: string };
  try {
    body = (await req.json()) as typeof body;
  } catch {
    return { status: 400, body: { errors: "Invalid JSON body" } };
  }
  const now = Date.now();
  store.settle(now);
  const vars = body.variables ?? {};
  let doc: DocumentNode;
  try {
    doc = parse(body.query ?? "");
  } catch (e) {
    store.log({
      operation: "(unparseable)",
      at: new Date(now).toISOString(),
      shop,
      status: 200,
      errors: [(e as Error).message],
    });
    return { status: 200, body: { errors: [{ message: (e as Error).message }] } };
  }
  const op = getOperationAST(doc, body.operationName);
  const name = op?.name?.value ?? "(anonymous)";
  const errs = validateOperation(doc);
  if (errs.length || !op) {
    const messages = errs.length ? errs.map((e) => e.message) : ["Operation not found"];
    store.log({ operation: name, at: new Date(now).toISOString(), shop, status: 200, errors: messages });
    return {
      status: 200,
      body: { errors: messages.map((message) => ({ message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) },
    };
  }
  const fault = store.takeFault(["HTTP_500", "HTTP_502", "HTTP_429", "THROTTLED"], name);
  if (fault && fault.kind !== "THROTTLED") {
    const status = Number(fault.kind.slice(5));
    store.log({ operation: name, at: new Date(now).toISOString(), shop, status, fault: fault.kind });
    return {
      status,
      body: {
        errors:
          status === 429
            ? "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."
            : "Internal Server Error",
      },
      headers: status === 429 ? { "Retry-After": "1" } : {},
    };
  }
  const cost = requestedCost(op, vars);
  const bucket = bucketFor(store, shop, now);
  if (fault || cost > bucket.currentlyAvailable) {
    store.log({
      operation: name,
      at: new Date(now).toISOString(),
      shop,
      status: 200,
      throttled: true,
      ...(fault ? { fault: fault.kind } : {}),
    });
    return {
      status: 200,
      body: {
        errors: [
          {
            message: "Throttled",
            extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
          },
        ],
        extensions: {
          cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: throttleStatus(bucket) },
        },
      },
    };
  }
  bucket.currentlyAvailable -= cost;
  meter(store, shop, cost);
  const ctx: Ctx = { store, shop, now };
  const result = await execute({
    schema: loadAdminSchema(),
    document: doc,
    operationName: body.operationName,
    variableValues: vars,
    rootValue: op.operation === "mutation" ? rootMutation(ctx) : rootQuery(ctx),
  });
  const errors = result.errors?.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions }));
  store.log({
    operation: name,
    at: new Date(now).toISOString(),
    shop,
    status: 200,
    ...(errors?.length ? { errors: errors.map((e) => e.message) } : {}),
  });
  return {
    status: 200,
    body: {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(errors?.length ? { errors } : {}),
      extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: throttleStatus(bucket) } },
    },
  };
}
