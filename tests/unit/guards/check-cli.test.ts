// The check CLI end to end: real files in, warnings out, exit codes.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLY } from "../../fixtures/guards/damages";
import { honestRetouch } from "../../fixtures/guards/honest";
import { cloneLin, toImage8 } from "../../fixtures/guards/image";
import { rng } from "../../fixtures/guards/rng";
import { synthPiece } from "../../fixtures/guards/synth-piece";
import type { Image8 } from "../../../workers/retouch/types";

const run = promisify(execFile);
const tsx = join(process.cwd(), "node_modules/.bin/tsx");
const cli = join(process.cwd(), "workers/check-cli.ts");
let dir = "";

async function save(img: Image8, name: string): Promise<string> {
  const path = join(dir, name);
  await sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: img.channels } })
    .png()
    .toFile(path);
  return path;
}

describe("npm run check", () => {
  const files: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "loupe-check-"));
    const p = synthPiece(3, { family: "yellow", gem: "none", backdrop: "grey", size: 240 });
    const r = rng(3);
    const hr = honestRetouch(r, p.before, p.F, p.alpha, p.dust, p.backdropMean);
    const halo = cloneLin(hr.after);
    APPLY.halo(r, halo, { alpha: p.alpha, metal: p.metal, gem: p.gem, backdrop: p.backdropMean });
    files.before = await save(toImage8(p.before), "before.png");
    files.honest = await save(toImage8(hr.after), "honest.png");
    files.halo = await save(toImage8(halo), "halo.png");
    // Loupe-style composites: enlarged 1.5× and placed off-centre on a bigger white canvas.
    for (const name of ["honest", "halo"] as const) {
      const big = await sharp(files[name]!).resize(360, 360).png().toBuffer();
      const path = join(dir, `${name}-framed.png`);
      await sharp({ create: { width: 520, height: 430, channels: 3, background: "#ffffff" } })
        .composite([{ input: big, left: 110, top: 40 }])
        .png()
        .toFile(path);
      files[`${name}Framed`] = path;
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints JSON warnings and exits 0", async () => {
    const { stdout } = await run(tsx, [cli, "--before", files.before!, "--after", files.halo!, "--json"]);
    const out = JSON.parse(stdout) as {
      verdict: { status: string; over: string[] };
      warnings: Array<{ code: string; severity: string }>;
    };
    expect(out.warnings.map((w) => w.code)).toContain("HALO");
    // The verdict names exactly the codes that are over their limit.
    expect(out.verdict.status).toBe("check");
    expect(out.verdict.over).toEqual([
      ...new Set(out.warnings.filter((w) => w.severity === "warning").map((w) => w.code)),
    ]);
  }, 60_000);

  it("prints plain words by default, and no warning for an honest retouch", async () => {
    const { stdout } = await run(tsx, [cli, "--before", files.before!, "--after", files.honest!]);
    expect(stdout).not.toMatch(/\[warning\]/);
    expect(stdout.split("\n")[0]).toMatch(/^Fine to publish/);
  }, 60_000);

  it("registers a result of another size and framing onto the original, and says so", async () => {
    type Out = {
      warnings: Array<{ code: string; severity: string }>;
      registration: { applied: boolean; scale: number; dx: number; dy: number; iou: number; note: string };
    };
    const honest = JSON.parse(
      (await run(tsx, [cli, "--before", files.before!, "--after", files.honestFramed!, "--json"])).stdout,
    ) as Out;
    expect(honest.registration.applied).toBe(true);
    // The canvas placed the 240-px original at 1.5× and (110, 40): the fit recovers that.
    expect(honest.registration.scale).toBeCloseTo(1.5, 1);
    expect(Math.abs(honest.registration.dx - 110)).toBeLessThan(4);
    expect(Math.abs(honest.registration.dy - 40)).toBeLessThan(4);
    expect(honest.registration.note).toMatch(/520×430.*registered/);
    expect(honest.warnings.filter((w) => w.severity === "warning")).toEqual([]);
    const halo = JSON.parse(
      (await run(tsx, [cli, "--before", files.before!, "--after", files.haloFramed!, "--json"])).stdout,
    ) as Out;
    expect(halo.warnings.map((w) => w.code)).toContain("HALO");
  }, 60_000);

  it("exits 1 on a missing file", async () => {
    const err = await run(tsx, [cli, "--before", files.before!, "--after", join(dir, "nope.png")]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((err as { code: number }).code).toBe(1);
  }, 60_000);
});
