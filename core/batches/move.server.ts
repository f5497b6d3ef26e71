// Moves one image between states with a conditional update: the row changes only if it is still in
// the state we read, so two clicks (or a click and the worker) never both win.
import type { ImageJob, Prisma } from "@prisma/client";
import { assertTransition, InvalidTransitionError, isJobState, type JobState } from "./job-states";
import { NotFoundError } from "./errors";
import { db } from "../db.server";
import { toImageView, type ImageView } from "./views";

export async function findImage(shop: string, id: string): Promise<ImageJob> {
  const job = await db().imageJob.findFirst({ where: { id, shop } });
  if (!job) throw new NotFoundError("image", id);
  return job;
}

/**
 * Moves the image along `path` (each step must be an allowed transition from the previous state).
 * `path` may start at any of its states: approve-and-publish from review walks review → approved →
 * publishing, from approved only the last step.
 */
export async function moveImage(
  shop: string,
  id: string,
  path: JobState[],
  data: Prisma.ImageJobUpdateManyMutationInput = {},
  check?: (job: ImageJob) => void,
): Promise<ImageView> {
  const job = await findImage(shop, id);
  const from = isJobState(job.state) ? job.state : "failed";
  const to = path[path.length - 1];
  const start = path.indexOf(from);
  if (start < 0 || start === path.length - 1) throw new InvalidTransitionError(from, to);
  for (let i = start; i < path.length - 1; i++) assertTransition(path[i], path[i + 1]);
  check?.(job);
  const client = db();
  const res = await client.imageJob.updateMany({ where: { id, shop, state: from }, data: { ...data, state: to } });
  if (res.count === 0) {
    const now = await findImage(shop, id);
    throw new InvalidTransitionError(isJobState(now.state) ? now.state : "failed", to);
  }
  return toImageView(await findImage(shop, id));
}

export async function requireBatch(shop: string, id: string) {
  const b = await db().batch.findFirst({ where: { id, shop } });
  if (!b) throw new NotFoundError("batch", id);
  return b;
}
