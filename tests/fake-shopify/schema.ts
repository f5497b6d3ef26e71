// Shopify's published Admin schema (2026-10), from the introspection JSON provisioned at install,
// and the validation every operation must pass: the spec rules plus NoDeprecatedCustomRule.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import {
  buildClientSchema,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

let cached: GraphQLSchema | null = null;

export function adminSchemaPath(): string {
  return resolve(process.cwd(), "vendor/shopify/admin_2026-10.json.gz");
}

export function loadAdminSchema(): GraphQLSchema {
  if (cached) return cached;
  const json = JSON.parse(gunzipSync(readFileSync(adminSchemaPath())).toString("utf8")) as { data: IntrospectionQuery };
  cached = buildClientSchema(json.data);
  return cached;
}

export const STRICT_RULES = [...specifiedRules, NoDeprecatedCustomRule];

/** Validation errors of an operation document against the Admin schema (empty = valid). */
export function validateOperation(source: string | DocumentNode, schema = loadAdminSchema()): readonly GraphQLError[] {
  const doc = typeof source === "string" ? parse(source) : source;
  return validate(schema, doc, STRICT_RULES);
}
