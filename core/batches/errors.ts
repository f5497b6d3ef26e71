// Errors the batch services raise. Routes map them: NotFoundError → 404, InvalidTransitionError → 409,
// InvalidRequestError → 400. Messages are written for a merchant.
export { InvalidTransitionError } from "./job-states";

/** Unknown ids and ids of another shop look the same: not found. */
export class NotFoundError extends Error {
  constructor(what: "batch" | "image", id: string) {
    super(`No ${what} with id ${id} in this shop.`);
    this.name = "NotFoundError";
  }
}

export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRequestError";
  }
}
