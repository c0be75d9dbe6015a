/**
 * Routes
 * ======
 * The one way an API route is declared: a path and a handler per method. Every other method is
 * a 405 with `Allow` naming the ones there are (HEAD comes with GET, as Express answers it from
 * the GET handler), so no route can forget it.
 */
import type express from "express";
import type { RequestHandler } from "express";
import { MethodNotAllowedError } from "./errors.ts";

type Method = "get" | "post" | "put" | "delete";

export type RouteHandlers = Partial<Record<Method, RequestHandler | RequestHandler[]>>;

export function route(router: express.Router, path: string, handlers: RouteHandlers): void {
  const chain = router.route(path);
  const allowed: string[] = [];
  for (const [method, handler] of Object.entries(handlers) as [Method, RequestHandler | RequestHandler[]][]) {
    chain[method](...(Array.isArray(handler) ? handler : [handler]));
    allowed.push(method.toUpperCase(), ...(method === "get" ? ["HEAD"] : []));
  }
  chain.all((req) => {
    throw new MethodNotAllowedError(req.method, allowed);
  });
}

/** A read-only JSON route: GET answers what `answer` makes of the query string. */
export function jsonRoute<T>(router: express.Router, path: string, answer: (query: unknown) => Promise<T>): void {
  route(router, path, {
    get: async (req, res: express.Response<T>) => {
      res.json(await answer(req.query));
    },
  });
}

/** A read-only JSON route whose answer is already JSON text (a view from the view thread). */
export function jsonTextRoute(router: express.Router, path: string, answer: (query: unknown) => Promise<string>): void {
  route(router, path, {
    get: async (req, res) => {
      res.type("application/json").send(await answer(req.query));
    },
  });
}
