import { ApiVersion } from "@shopify/shopify-api";

/** The one place the Admin API version is chosen. shopify.app.toml's webhooks api_version matches it. */
export const API_VERSION = ApiVersion.October26;
export const API_VERSION_STRING = "2026-10";
