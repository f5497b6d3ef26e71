// Install-time provisioning put verified files in place: the ISNet model (assembled from hashed
// chunks) and Shopify's Admin schema for 2026-10.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";

describe("provisioning", () => {
  it("assembled the fp16 ISNet model with its recorded hash", () => {
    const bytes = readFileSync("models/isnet-fp16.onnx");
    const [hash, size] = readFileSync("models/isnet-fp16.onnx.sha256", "utf8").trim().split(/\s+/);
    expect(bytes.length).toBe(88_188_479);
    expect(Number(size)).toBe(bytes.length);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(hash);
  });

  it("assembled the quint8 model too", () => {
    expect(statSync("models/isnet-quint8.onnx").size).toBe(44_342_436);
  });

  it("extracted the 2026-10 Admin schema, which has the mutations Loupe uses and marks the old ones deprecated", () => {
    const json = JSON.parse(gunzipSync(readFileSync("vendor/shopify/admin_2026-10.json.gz")).toString("utf8"));
    const schema = buildClientSchema(json.data);
    const mutation = schema.getMutationType() as GraphQLObjectType;
    const fields = mutation.getFields();
    expect(fields.fileUpdate).toBeDefined();
    expect(fields.stagedUploadsCreate).toBeDefined();
    expect(fields.productCreateMedia?.deprecationReason).toBeTruthy();
  });
});
