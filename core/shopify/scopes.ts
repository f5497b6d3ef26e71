/** Access scopes Loupe asks for (a write scope grants read). Must match shopify.app.toml. */
export const SCOPES = ["write_products", "write_files"] as const;
