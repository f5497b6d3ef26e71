// POST /api/images/:id/approve | reject | publish | revert → { image: { id, state, … } }
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { approveImage, publishImage, rejectImage, revertImage } from "../../core/batches/service.server";
import { authenticateApi } from "../http/api-auth.server";
import { apiError } from "../http/api-errors.server";

const ACTIONS = { approve: approveImage, reject: rejectImage, publish: publishImage, revert: revertImage } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await authenticateApi(request);
  return ctx.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Use POST." } }, 405);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await authenticateApi(request);
  try {
    const name = params.action ?? "";
    if (!Object.hasOwn(ACTIONS, name))
      return ctx.json(
        { error: { code: "NOT_FOUND", message: `Unknown action "${name}": use approve, reject, publish or revert.` } },
        404,
      );
    if (request.method !== "POST")
      return ctx.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Use POST." } }, 405);
    const image = await ACTIONS[name as keyof typeof ACTIONS](ctx.shop, params.id ?? "");
    return ctx.json({
      image: {
        id: image.id,
        productId: image.productId,
        mediaId: image.mediaId,
        state: image.state,
        lastError: image.lastError,
      },
    });
  } catch (err) {
    return apiError(ctx, err);
  }
}
