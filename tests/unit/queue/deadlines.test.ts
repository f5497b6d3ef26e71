// Every task has a deadline made of what it does: download, engine time per megapixel, storing,
// uploading. The engine's share follows the photo's size, read from its header.
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { deadlineMessage, engineBudgetMs, taskDeadlineMs } from "../../../workers/jobs/deadlines";
import { megapixelsOf } from "../../../workers/jobs/megapixels";

afterEach(() => {
  delete process.env.LOUPE_ENGINE_MS_PER_MP;
});

describe("task deadlines", () => {
  it("give the engine a fixed part and a part per megapixel, up to the largest photo it accepts", () => {
    expect(engineBudgetMs(3)).toBe(60_000 + 3 * 15_000);
    expect(engineBudgetMs(0.2)).toBe(60_000 + 15_000);
    expect(engineBudgetMs(500)).toBe(60_000 + 40 * 15_000);
    process.env.LOUPE_ENGINE_MS_PER_MP = "1000";
    expect(engineBudgetMs(3)).toBe(63_000);
  });

  it("add up a retouch (download + engine at 40 MP + store) and a publish (upload + store)", () => {
    expect(taskDeadlineMs("retouch")).toBe(3 * 60_000 + 60_000 + 40 * 15_000 + 60_000);
    expect(taskDeadlineMs("publish")).toBe(5 * 60_000 + 60_000);
    expect(taskDeadlineMs("pull")).toBeGreaterThan(30 * 60_000); // a bulk export may take 30 minutes
  });

  it("read a photo's megapixels from its header, and count an unreadable file as one", async () => {
    const jpeg = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer();
    expect(await megapixelsOf(jpeg)).toBe(3);
    expect(await megapixelsOf(Buffer.from("not a photo"))).toBe(1);
  });

  it("explain a stop in plain words", () => {
    expect(deadlineMessage("retouch", 14 * 60_000)).toBe(
      "Loupe stopped working on this photo after 14 minutes, far longer than a photo of its size takes. Run it again, or upload a smaller photo.",
    );
    expect(deadlineMessage("publish", 30_000)).toBe(
      "Sending this photo to Shopify took longer than 30 seconds, so Loupe stopped. Try publishing it again.",
    );
  });
});
