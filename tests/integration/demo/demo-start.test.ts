// `npm run demo` answers on http://127.0.0.1:$PORT/ within a minute, and a plain browser request to /
// lands on Loupe's home page through the real embedded-auth path (session token → token exchange
// with the fake Shopify → offline session in SQLite).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type DemoProcess } from "../../support/demo-process";

// shopify-app-remix answers bots (isbot) with 410; a plain browser sends a browser user agent.
const BROWSER = {
  "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36",
  Accept: "text/html",
};

describe("npm run demo", () => {
  let demo: DemoProcess;
  beforeAll(async () => {
    demo = await startDemo({ timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it("answers within a minute of start", () => {
    expect(demo.startedInMs).toBeLessThan(60_000);
  });

  it("serves Loupe's home page for the demo shop on /", async () => {
    const res = await fetch(`${demo.url}/`, { headers: BROWSER });
    expect(res.status).toBe(200);
    expect(res.url).toMatch(/\/app\?/);
    const html = await res.text();
    expect(html).toContain("Loupe");
    expect(html).toContain("loupe-demo.myshopify.com");
  });

  it("opens a deep link (reload or pasted URL) the way the admin would, with a fresh session token", async () => {
    const res = await fetch(`${demo.url}/app/settings`, { headers: BROWSER });
    expect(res.status).toBe(200);
    expect(new URL(res.url).pathname).toBe("/app/settings");
    expect(new URL(res.url).searchParams.get("id_token")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await res.text()).toContain("Settings");
  });

  it("has a fake Shopify holding the demo collection", async () => {
    const state = (await (await fetch(`${demo.fakeUrl}/_fake/state`)).json()) as {
      collections: Array<{ productIds: string[] }>;
      products: Array<{ media: unknown[] }>;
    };
    expect(state.collections.length).toBeGreaterThan(0);
    expect(state.collections[0]!.productIds.length).toBeGreaterThanOrEqual(6);
    expect(state.products.every((p) => p.media.length > 0)).toBe(true);
  });

  it("shuts down cleanly on SIGTERM", async () => {
    const code = await demo.stop("SIGTERM");
    expect(code).toBe(0);
  });
});
