// `npm run demo`: Loupe on its embedded defaults, no Shopify account needed.
//  - a local, stateful, schema-faithful fake Shopify (tests/fake-shopify) on FAKE_SHOPIFY_PORT (3457),
//    seeded as loupe-demo.myshopify.com with jewelry photos from the project's own generator —
//    unless LOUPE_FAKE_SHOPIFY already points at one;
//  - SQLite (DATABASE_URL, default data/loupe.db), files (LOUPE_STORAGE_DIR, default storage/);
//  - the web app on PORT (3000) with one in-process worker on the local queue.
// Every Shopify call goes through the real code paths; only the fetch layer sends it to the fake.
import { execFileSync } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const built = resolve("build/server/index.js");
  // The web bundle also carries engine code the browser runs (the colour preview, the colour maths).
  if (
    existsSync(built) &&
    statSync(built).mtimeMs >= Math.max(...["app", "core", "workers/retouch"].map((d) => newestMtime(resolve(d))))
  )
    return;
  console.error("demo: building the app (vite)…");
  // The bundle is built for production whatever this process runs as.
  execFileSync(resolve("node_modules/.bin/remix"), ["vite:build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
}

async function main() {
  process.env.LOUPE_DEMO = "1";
  // A production process refuses the demo mode (core/startup-checks.server.ts): the demo is not one.
  process.env.NODE_ENV ??= "development";
  const port = Number(process.env.PORT || 3000);
  const fakePort = Number(process.env.FAKE_SHOPIFY_PORT || 3457);
  process.env.SHOPIFY_APP_URL ??= `http://127.0.0.1:${port}`;
  process.env.SHOPIFY_API_KEY ??= "loupe-demo-api-key";
  process.env.SHOPIFY_API_SECRET ??= "loupe-demo-api-secret";
  process.env.LOUPE_INPROCESS_WORKER ??= "1";

  const closers: Array<() => Promise<void>> = [];
  if (!process.env.LOUPE_FAKE_SHOPIFY) {
    const { startFakeShopify } = await import("../tests/fake-shopify/server");
    const fake = await startFakeShopify({
      port: fakePort,
      appUrl: process.env.SHOPIFY_APP_URL,
      apiKey: process.env.SHOPIFY_API_KEY,
      apiSecret: process.env.SHOPIFY_API_SECRET,
      seed: "demo",
      // Larger demo photos on request (the editor's browser test measures its brush on ≥ 4 MP).
      ...(Number(process.env.FAKE_SHOPIFY_PHOTO_SIZE) > 0
        ? { photoSize: Number(process.env.FAKE_SHOPIFY_PHOTO_SIZE) }
        : {}),
    });
    process.env.LOUPE_FAKE_SHOPIFY = fake.url;
    closers.push(() => fake.close());
    console.error(`demo: fake Shopify (loupe-demo.myshopify.com) on ${fake.url}`);
  }

  const { setupDatabase } = await import("./setup");
  console.error(`demo: database ready (${await setupDatabase()})`);
  buildIfStale();

  const { startWebServer } = await import("../server");
  const web = await startWebServer(port);
  closers.push(() => web.close());
  if (process.env.LOUPE_INPROCESS_WORKER === "1") {
    const { startWorker } = await import("../workers/main");
    const worker = await startWorker({ inProcess: true });
    closers.unshift(() => worker.close());
  }
  console.error(`demo: Loupe is running — open http://127.0.0.1:${web.port}/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`demo: ${signal}, shutting down`);
    for (const close of closers) await close().catch((err) => console.error(err));
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  console.error(`demo: ${err instanceof Error ? err.stack : err}`);
  process.exit(1);
});
