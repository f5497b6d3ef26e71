// Builds the Remix app once and serves it in-process with server.ts (the real request handlers).
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

export async function startBuiltApp(port: number): Promise<{ close(): Promise<void> }> {
  execFileSync(resolve("node_modules/.bin/remix"), ["vite:build"], { stdio: ["ignore", "ignore", "inherit"] });
  const { startWebServer } = await import("../../../server");
  return startWebServer(port);
}
