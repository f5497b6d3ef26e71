// A small reader for prisma/schema.prisma: models, scalar fields (type, optional, list, attributes),
// @@unique and @@index. Enough to check migrations against the schema without Prisma's engines.
import { readFileSync } from "node:fs";

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  relation: boolean;
  attributes: string;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  uniques: string[][];
  indexes: string[][];
  id: string[];
}

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"]);

export function readPrismaSchema(path: string): SchemaModel[] {
  const text = readFileSync(path, "utf8").replace(/\/\/.*$/gm, "");
  const models: SchemaModel[] = [];
  // A model block ends at a line holding only "}" (defaults such as @default("{}") contain braces).
  for (const m of text.matchAll(/^model\s+(\w+)\s*\{\n([\s\S]*?)^\}/gm)) {
    const model: SchemaModel = { name: m[1]!, fields: [], uniques: [], indexes: [], id: [] };
    for (const raw of m[2]!
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)) {
      const block = raw.match(/^@@(unique|index|id)\(\[([^\]]*)\]/);
      if (block) {
        const cols = block[2]!.split(",").map((s) => s.trim());
        if (block[1] === "unique") model.uniques.push(cols);
        else if (block[1] === "index") model.indexes.push(cols);
        else model.id = cols;
        continue;
      }
      const f = raw.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!f) continue;
      const field: SchemaField = {
        name: f[1]!,
        type: f[2]!,
        list: Boolean(f[3]),
        optional: Boolean(f[4]),
        relation: !SCALARS.has(f[2]!),
        attributes: f[5] ?? "",
      };
      if (/@id\b/.test(field.attributes)) model.id = [field.name];
      if (/@unique\b/.test(field.attributes)) model.uniques.push([field.name]);
      model.fields.push(field);
    }
    models.push(model);
  }
  return models;
}
