// Turns a batch-service error into what an action returns: a merchant-readable message and a status.
// Anything unexpected is logged and answered in plain words, without echoing its internals.
export function actionError(err: unknown): { error: string; status: number } {
  const name = err instanceof Error ? err.name : "";
  const message = err instanceof Error ? err.message : String(err);
  if (name === "NotFoundError") return { error: message, status: 404 };
  if (name === "InvalidTransitionError" || err?.constructor?.name === "InvalidTransitionError")
    return { error: message, status: 409 };
  if (name === "InvalidRequestError") return { error: message, status: 400 };
  if (name === "BodyTooLargeError") return { error: message, status: 413 };
  console.error("action: unexpected error", err);
  return { error: "Something went wrong in Loupe. Please try again.", status: 500 };
}
