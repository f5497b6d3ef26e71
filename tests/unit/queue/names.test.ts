import { describe, expect, it } from "vitest";
import { bullJobId, bullPriority } from "../../../core/queue/bullmq-names";
import { decodeBatchSettings, encodeBatchSettings } from "../../../core/batches/batch-request";
import { DEFAULT_SETTINGS } from "../../../core/settings/settings";

describe("bullmq names", () => {
  it("ids a job by kind, row and attempt, without ':'", () => {
    expect(bullJobId({ kind: "retouch", id: "cm123", shop: "s", attempt: 2 })).toBe("retouch_cm123_2");
    expect(bullJobId({ kind: "pull", id: "cm9", shop: "s" })).toBe("pull_cm9_0");
  });
  it("keeps priorities in BullMQ's range", () => {
    expect(bullPriority(undefined)).toBe(1);
    expect(bullPriority(0)).toBe(1);
    expect(bullPriority(5000)).toBe(5000);
    expect(bullPriority(1e9)).toBe(2 ** 21 - 1);
  });
});

describe("batch request", () => {
  it("round-trips next to the settings snapshot", () => {
    const json = encodeBatchSettings(
      { ...DEFAULT_SETTINGS, size: 1024 },
      { mediaIds: ["gid://shopify/MediaImage/1"], autoPublish: true },
    );
    const back = decodeBatchSettings(json);
    expect(back.settings.size).toBe(1024);
    expect(back.request).toEqual({ mediaIds: ["gid://shopify/MediaImage/1"], autoPublish: true });
  });
  it("reads old rows without a request", () => {
    expect(decodeBatchSettings("{}").request).toEqual({ mediaIds: null, autoPublish: false });
  });
});
