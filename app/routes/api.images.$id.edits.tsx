// POST /api/images/:id/edits { mask?, color? } → 202 { image } (replaces the edit list; re-rendered in a worker)
// DELETE /api/images/:id/edits → 202 { image } (back to the automatic result)
// GET /api/images/:id/edits → { edits, version, state, versions: [{ version, current, edits, cutoutUrl, resultUrl }], baseCutoutUrl }
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { clearEdits, editorState, saveEdits } from "../../core/batches/service.server";
import { authenticateApi } from "../http/api-auth.server";
import { apiError, readJson } from "../http/api-errors.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await authenticateApi(request);
  try {
    return ctx.json(await editorState(ctx.shop, params.id ?? ""));
  } catch (err) {
    return apiError(ctx, err);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await authenticateApi(request);
  try {
    const id = params.id ?? "";
    let image;
    if (request.method === "POST") image = await saveEdits(ctx.shop, id, await readJson(request));
    else if (request.method === "DELETE") image = await clearEdits(ctx.shop, id);
    else
      return ctx.json(
        { error: { code: "METHOD_NOT_ALLOWED", message: "Use POST to save edits or DELETE to remove them." } },
        405,
      );
    return ctx.json({ image: { id: image.id, state: image.state } }, 202);
  } catch (err) {
    return apiError(ctx, err);
  }
}
