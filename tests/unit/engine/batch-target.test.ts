// A batch's photos share one exposure/white-balance target: computed from all of them (the worker
// per batch, the command line for its files), so one piece shot at two exposures on a grey sweep
// comes out at one tone — which per-photo defaults do not do on grey. How the worker gathers a
// batch's (and a collection's) photos: tests/integration/queue/batch-target.test.ts.
import { describe, expect, it } from "vitest";
import { makeFixture, fixturePng, type Fixture } from "../../fixtures/jewelry";
import { truthSegmenter } from "../../fixtures/segmenters";
import { batchTarget, batchTargetOf, quickSurface } from "../../../workers/retouch/backdrop/batch-target";
import { runPipeline } from "../../../workers/retouch/pipeline";

function metalMeanG(f: Fixture, rgb: Uint8Array): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < f.metalInner.length; i++)
    if (f.metalInner[i]) {
      s += rgb[3 * i + 1]!;
      n++;
    }
  return s / n;
}

describe("batch target", () => {
  it("two exposures of one piece on a grey sweep: far apart per photo, within 3 levels with the batch's target", async () => {
    const shots = [0.8, 1.1].map((exposure) =>
      makeFixture({ size: 400, metal: "rose", cast: "warm", surface: "grey-gradient", exposure, seed: 41 }),
    );
    const pngs = await Promise.all(shots.map(fixturePng));
    const target = await batchTarget(pngs.map((p) => async () => p));
    expect(target).toBeDefined();
    const [r, g, b] = target!.backdropLinear;
    expect(r).toBe(g);
    expect(g).toBe(b);
    const alone = await Promise.all(
      shots.map(async (f, k) =>
        metalMeanG(f, (await runPipeline(pngs[k]!, {}, truthSegmenter(f, 320))).internals.after.data),
      ),
    );
    const shared = await Promise.all(
      shots.map(async (f, k) =>
        metalMeanG(f, (await runPipeline(pngs[k]!, { target }, truthSegmenter(f, 320))).internals.after.data),
      ),
    );
    expect(Math.abs(alone[0]! - alone[1]!)).toBeGreaterThan(10);
    expect(Math.abs(shared[0]! - shared[1]!)).toBeLessThan(3);
  });

  it("white sweeps share the studio white; coloured and wooden surfaces do not vote", async () => {
    const white = await quickSurface(
      await fixturePng(makeFixture({ size: 320, surface: "white", exposure: 0.9, seed: 42 })),
    );
    const wood = await quickSurface(await fixturePng(makeFixture({ size: 320, surface: "wood", seed: 43 })));
    const pink = await quickSurface(await fixturePng(makeFixture({ size: 320, surface: "pink-paper", seed: 44 })));
    expect(white).not.toBeNull();
    expect(wood).toBeNull();
    expect(pink).toBeNull();
    expect(batchTargetOf([white, white, wood])).toEqual({ backdropLinear: [0.9, 0.9, 0.9] });
    expect(batchTargetOf([white, wood, pink])).toBeUndefined();
  });
});
