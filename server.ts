// The web process: serves the built Remix app (pages, API routes, webhooks). It only enqueues work;
// pixels are processed by workers (in-process for the demo via LOUPE_INPROCESS_WORKER=1).
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { demoAdminFrame } from "./app/demo/admin-frame";
import { assertSafeToStart } from "./core/startup-checks.server";

export interface WebServer {
  close(): Promise<void>;
  port: number;
}

export async function startWebServer(
  port = Number(process.env.PORT || 3000),
  host = process.env.HOST || "127.0.0.1",
): Promise<WebServer> {
  assertSafeToStart();
  const buildPath = resolve("build/server/index.js");
  if (!existsSync(buildPath))
    throw new Error("The app is not built: run `npm run build` first (npm run demo does it for you).");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  // A body refused before it was read to its end (413) leaves unread bytes on the connection, which
  // would be taken for the next request: such a connection ends once its answer is written.
  app.use((req, res, next) => {
    res.on("finish", () => {
      if (!req.complete) req.socket.end();
    });
    next();
  });
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  if (process.env.LOUPE_DEMO === "1") {
    const { config, DEMO_SHOP } = await import("./core/config.server");
    app.use(demoAdminFrame({ shop: DEMO_SHOP, apiKey: config.apiKey, apiSecret: config.apiSecret }));
  }
  app.all("*", createRequestHandler({ build, mode: "production" }));
  return new Promise((resolveStart, reject) => {
    const server = app.listen(port, host, () => {
      const addr = server.address();
      resolveStart({
        port: typeof addr === "object" && addr ? addr.port : port,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            // Keep-alive connections would hold close() open until they time out.
            server.closeAllConnections();
          }),
      });
    });
    server.on("error", reject);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve("server.ts")) {
  startWebServer()
    .then((s) => console.error(`loupe: web on http://127.0.0.1:${s.port}/`))
    .catch((err) => {
      console.error(`loupe: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
