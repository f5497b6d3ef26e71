// Demo only: the Shopify admin loads every document of an embedded app with fresh `embedded`, `shop`,
// `host` and `id_token` parameters. In a plain browser nobody does that, so a reload or a pasted link
// to /app/... would land on the session-token bounce page. This Express middleware plays that part of
// the admin for document requests (never for data requests, which carry a Bearer token instead).
import type { NextFunction, Request, Response } from "express";
import { embeddedParams, mintSessionToken } from "./session-token.server";

export function demoAdminFrame(opts: { shop: string; apiKey: string; apiSecret: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const isDocument =
      req.method === "GET" &&
      (req.get("sec-fetch-dest") === "document" || (req.get("accept") ?? "").includes("text/html"));
    if (!isDocument || !/^\/app(\/|$)/.test(req.path) || req.path.endsWith(".data") || req.query.id_token)
      return next();
    const params = embeddedParams(opts.shop, mintSessionToken(opts));
    const url = new URL(req.originalUrl, "http://demo.invalid");
    for (const [k, v] of params) url.searchParams.set(k, v);
    res.redirect(302, `${url.pathname}${url.search}`);
  };
}
