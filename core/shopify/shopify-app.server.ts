import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { config } from "../config.server";
import { db } from "../db.server";
import { API_VERSION } from "./api-version";
import { SCOPES } from "./scopes";
import { installShopifyFetchRouting } from "./fetch-routing.server";
import { shopifyLogLevel } from "./log-level";

installShopifyFetchRouting();

const shopify = shopifyApp({
  apiKey: config.apiKey,
  apiSecretKey: config.apiSecret,
  apiVersion: API_VERSION,
  scopes: [...SCOPES],
  appUrl: config.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db()),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  // Warnings and errors only: the info level logs every authenticated request (each poll).
  logger: { level: shopifyLogLevel(process.env.LOUPE_SHOPIFY_LOG) },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(process.env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [process.env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
