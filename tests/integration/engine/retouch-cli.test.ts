// The retouch command line on real files: the files it is given are one batch and share one
// exposure/white-balance target, as a batch does in the worker — one piece shot at two exposures
// on a grey sweep comes out at one tone; a small photo is delivered at its own pixels, not enlarged.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";
import { batchTarget } from "../../../workers/retouch/backdrop/batch-target";

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules/.bin/tsx");
const cli = join(process.cwd(), "workers/cli.ts");
const dir = mkdtempSync(join(tmpdir(), "loupe-retouch-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface FileReport {
  ok: boolean;
  batchTarget: { backdropLinear: number[] } | null;
  gains: { exposure: number };
  framing: { size: number; requested: number; scale: number };
  input: { notes: string[] };
}

describe("npm run retouch", () => {
  it("gives the files one shared target: two exposures of one piece come out at one exposure", async () => {
    const exposures = [0.8, 1.1];
    const pngs = await Promise.all(
      exposures.map((exposure) =>
        fixturePng(makeFixture({ size: 400, metal: "rose", surface: "grey-gradient", exposure, seed: 41 })),
      ),
    );
    const files = pngs.map((p, k) => {
      const f = join(dir, `shot${k}.png`);
      writeFileSync(f, p);
      return f;
    });
    const out = join(dir, "out");
    await run(tsx, [cli, ...files, "--out", out, "--size", "1024"], { timeout: 240_000 });
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Record<string, FileReport>;
    const [a, b] = files.map((f) => report[f]!);
    const expected = await batchTarget(pngs.map((p) => async () => p));
    expect(expected).toBeDefined();
    expect(a!.batchTarget).toEqual(expected);
    expect(b!.batchTarget).toEqual(expected);
    // Both photos are brought to one exposure: the gain times the shot's exposure agrees within 5 %.
    const brought = [a!, b!].map((r, k) => r.gains.exposure * exposures[k]!);
    console.log(
      `retouch CLI, shared target ${expected!.backdropLinear[0]}: gains ${a!.gains.exposure} and ${b!.gains.exposure}, exposure after ${brought.map((x) => x.toFixed(3)).join(" and ")}`,
    );
    expect(Math.abs(brought[0]! / brought[1]! - 1)).toBeLessThan(0.05);
    expect(a!.gains.exposure / b!.gains.exposure).toBeGreaterThan(1.2); // each photo really moved
    // 400 px photos asked for 1024 px: delivered at what the piece supports, never enlarged.
    for (const [k, r] of [a!, b!].entries()) {
      expect(r.framing.scale).toBeLessThanOrEqual(1);
      expect(r.framing.size).toBeLessThan(400);
      expect((await sharp(join(out, `shot${k}.jpg`)).metadata()).width).toBe(r.framing.size);
      expect(r.input.notes.join(" ")).toMatch(/too small for the store's 1024 px/);
    }
  }, 300_000);
});
