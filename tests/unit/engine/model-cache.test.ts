// The derived-model cache: derived once, then served from the file; a changed source or recipe gets
// a new file; an unwritable cache falls back to the bytes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { derivedModel, derivedModelPath } from "../../../workers/retouch/segment/model-cache";

let dir: string;
let source: string;
const saved = process.env.LOUPE_MODEL_CACHE;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-cache-test-"));
  source = path.join(dir, "net.onnx");
  fs.writeFileSync(source, Uint8Array.from([1, 2, 3, 4]));
  process.env.LOUPE_MODEL_CACHE = path.join(dir, "cache");
});
afterEach(() => {
  if (saved === undefined) delete process.env.LOUPE_MODEL_CACHE;
  else process.env.LOUPE_MODEL_CACHE = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("derived model cache", () => {
  it("derives once and then serves the file", () => {
    let calls = 0;
    const derive = (b: Uint8Array) => {
      calls++;
      return b.map((v) => v * 10);
    };
    const first = derivedModel(source, "x10", derive);
    const second = derivedModel(source, "x10", derive);
    expect(calls).toBe(1);
    expect(typeof first).toBe("string");
    expect(second).toBe(first);
    expect([...fs.readFileSync(first as string)]).toEqual([10, 20, 30, 40]);
    // No temporary files are left beside it.
    expect(fs.readdirSync(path.join(dir, "cache"))).toEqual([path.basename(first as string)]);
  });

  it("keys on the recipe and on the source's identity", () => {
    const a = derivedModelPath(source, "fp32-640");
    expect(derivedModelPath(source, "fp32-512")).not.toBe(a);
    fs.writeFileSync(source, Uint8Array.from([1, 2, 3, 4, 5]));
    expect(derivedModelPath(source, "fp32-640")).not.toBe(a);
  });

  it("returns the bytes when the cache can't be written", () => {
    const blocker = path.join(dir, "not-a-dir");
    fs.writeFileSync(blocker, "x");
    process.env.LOUPE_MODEL_CACHE = path.join(blocker, "cache");
    const out = derivedModel(source, "x2", (b) => b.map((v) => v * 2));
    expect(out).toBeInstanceOf(Uint8Array);
    expect([...(out as Uint8Array)]).toEqual([2, 4, 6, 8]);
  });
});
