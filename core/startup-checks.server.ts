// What a production process refuses to start with (NODE_ENV=production): missing Shopify
// credentials (the demo values in config.server.ts are public) and the demo mode (LOUPE_DEMO=1 mints
// session tokens for anyone). Each refusal is one line saying what to fix.
export function productionRefusal(env: Record<string, string | undefined> = process.env): string | null {
  if (env.NODE_ENV !== "production") return null;
  for (const name of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL"]) {
    if (!env[name])
      return `${name} is not set: a production server needs the app's own credentials and URL (NODE_ENV=production).`;
  }
  if (env.LOUPE_DEMO === "1")
    return "LOUPE_DEMO=1 is refused in production: the demo signs in anyone as its shop (unset it, or run without NODE_ENV=production).";
  return null;
}

export class StartupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupRefused";
  }
}

/** Throws StartupRefused when this process must not start. */
export function assertSafeToStart(env: Record<string, string | undefined> = process.env): void {
  const reason = productionRefusal(env);
  if (reason) throw new StartupRefused(reason);
}
