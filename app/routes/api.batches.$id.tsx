// GET /api/batches/:id → { batch: { id, status, total, images: [{ id, productId, mediaId, state, warnings, processedBy }] } }
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotFoundError } from "../../core/batches/errors";
import { getBatch } from "../../core/batches/service.server";
import { authenticateApi } from "../http/api-auth.server";
import { apiError } from "../http/api-errors.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await authenticateApi(request);
  try {
    const id = params.id ?? "";
    const batch = await getBatch(ctx.shop, id);
    if (!batch) throw new NotFoundError("batch", id);
    return ctx.json({
      batch: {
        id: batch.id,
        title: batch.title,
        status: batch.status,
        total: batch.total,
        counts: batch.counts,
        images: batch.images.map((i) => ({
          id: i.id,
          productId: i.productId,
          productTitle: i.productTitle,
          mediaId: i.mediaId,
          position: i.position,
          state: i.state,
          warnings: i.warnings.map((w) => ({ code: w.code, severity: w.severity, message: w.message })),
          processedBy: i.processedBy,
          lastError: i.lastError,
        })),
      },
    });
  } catch (err) {
    return apiError(ctx, err);
  }
}
