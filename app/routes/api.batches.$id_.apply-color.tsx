// POST /api/batches/:id/apply-color { fromImageId, scope?: "batch" | "collection" } → 202 { applied: [ids], skipped: [{ id, state, reason }] }
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { InvalidRequestError } from "../../core/batches/errors";
import { applyColor } from "../../core/batches/service.server";
import { authenticateApi } from "../http/api-auth.server";
import { apiError, readJson } from "../http/api-errors.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await authenticateApi(request);
  return ctx.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Use POST." } }, 405);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await authenticateApi(request);
  try {
    if (request.method !== "POST")
      return ctx.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Use POST." } }, 405);
    const body = (await readJson(request)) as { fromImageId?: unknown; scope?: unknown } | null;
    const from = body && typeof body === "object" ? body.fromImageId : undefined;
    if (typeof from !== "string" || !from)
      throw new InvalidRequestError('Send { "fromImageId": "<the photo whose colour pass to apply>" }.');
    const scope = body?.scope ?? "batch";
    if (scope !== "batch" && scope !== "collection")
      throw new InvalidRequestError('"scope" is "batch" (the default) or "collection".');
    const out = await applyColor(ctx.shop, params.id ?? "", from, scope);
    return ctx.json({ applied: out.applied.map((i) => i.id), skipped: out.skipped }, 202);
  } catch (err) {
    return apiError(ctx, err);
  }
}
