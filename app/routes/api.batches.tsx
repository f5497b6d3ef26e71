// POST /api/batches { collectionId } | { productIds } → 201 { batch: { id, status, total } }
// GET  /api/batches → { batches: [...] } (the shop's recent batches)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { InvalidRequestError } from "../../core/batches/errors";
import { createBatch, listBatches } from "../../core/batches/service.server";
import { authenticateApi } from "../http/api-auth.server";
import { apiError, readJson } from "../http/api-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await authenticateApi(request);
  try {
    const batches = await listBatches(ctx.shop, { limit: 50 });
    return ctx.json({
      batches: batches.map((b) => ({
        id: b.id,
        title: b.title,
        status: b.status,
        total: b.total,
        counts: b.counts,
        createdAt: b.createdAt,
      })),
    });
  } catch (err) {
    return apiError(ctx, err);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await authenticateApi(request);
  try {
    if (request.method !== "POST")
      return ctx.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Use POST to start a batch." } }, 405);
    const body = (await readJson(request)) as { collectionId?: unknown; productIds?: unknown } | null;
    let batch;
    if (body && typeof body.collectionId === "string") {
      batch = await createBatch(ctx.shop, { collectionId: body.collectionId }, { source: "collection" });
    } else if (body && Array.isArray(body.productIds) && body.productIds.every((p) => typeof p === "string")) {
      batch = await createBatch(ctx.shop, { productIds: body.productIds as string[] }, { source: "products" });
    } else {
      throw new InvalidRequestError(
        'Send { "collectionId": "gid://shopify/Collection/…" } or { "productIds": ["gid://shopify/Product/…"] }.',
      );
    }
    return ctx.json({ batch: { id: batch.id, status: batch.status, total: batch.total } }, 201);
  } catch (err) {
    return apiError(ctx, err);
  }
}
