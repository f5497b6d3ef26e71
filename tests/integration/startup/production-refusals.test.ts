// NODE_ENV=production refuses to start without the app's own credentials and URL, and refuses the
// demo mode: the real web process (server.ts) exits non-zero with one line saying why.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { appCommand } from "../../../scripts/app-command";

const GOOD = {
  SHOPIFY_API_KEY: "key-123",
  SHOPIFY_API_SECRET: "shpss_secret",
  SHOPIFY_APP_URL: "https://loupe.example.com",
};
const APP_ENV = /^(LOUPE_|SHOPIFY_|DATABASE_URL$|NODE_ENV$|PORT$)/;

function startServer(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !APP_ENV.test(e[0])),
  );
  const child = spawn(...appCommand("server.ts"), {
    env: { ...base, NODE_ENV: "production", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  return new Promise((r) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      // scripts/with-node.sh may say which Node it picked; the rest is the server's own output.
      r({ code, lines: out.split("\n").filter((l) => l.trim() && !l.startsWith("loupe: using node")) });
    }),
  );
}

describe("a production server refuses to start", () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ["without SHOPIFY_API_KEY", { ...GOOD, SHOPIFY_API_KEY: "" }, /SHOPIFY_API_KEY is not set/],
    ["without SHOPIFY_API_SECRET", { ...GOOD, SHOPIFY_API_SECRET: "" }, /SHOPIFY_API_SECRET is not set/],
    ["without SHOPIFY_APP_URL", { ...GOOD, SHOPIFY_APP_URL: "" }, /SHOPIFY_APP_URL is not set/],
    ["in demo mode", { ...GOOD, LOUPE_DEMO: "1" }, /LOUPE_DEMO=1 is refused in production/],
  ];
  for (const [name, env, reason] of cases) {
    it(name, async () => {
      const { code, lines } = await startServer(env);
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
    });
  }
});
