/**
 * Errors
 * ======
 * The one base class of Caspian's typed errors (as graphology's GraphError family): every error
 * the server, the CLI or the client raises on purpose carries a stable `code`, which callers and
 * tests check instead of the wording. The server maps codes to HTTP statuses in one table
 * (server/http/errors.ts).
 */
export abstract class CaspianError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
