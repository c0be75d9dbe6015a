/**
 * Not found
 * =========
 * The one "no such thing" error: an entity, edge or quote a view cannot find, an unknown dataset
 * or API route. The HTTP layer answers its code, NOT_FOUND, with a 404.
 */
import { CaspianError } from "../../contract/errors.ts";

export class NotFoundError extends CaspianError {
  readonly code = "NOT_FOUND";
}
