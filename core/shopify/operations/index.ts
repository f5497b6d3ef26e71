// Every Admin GraphQL operation Loupe sends lives in this folder (validated in tests/unit/shopify).
export * from "./media";
export * from "./collection";
export * from "./write";
