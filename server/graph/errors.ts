/**
 * View errors
 * ===========
 * Typed errors the views throw; the HTTP layer maps `status` and `code` to a response with an
 * `{code, message}` body.
 */
export class NotFoundError extends Error {
  readonly code = "NOT_FOUND";
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}
