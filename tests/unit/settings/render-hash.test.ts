// The settings hash decides whether a photo is rendered again: every setting that changes the pixels
// changes it (shadow strength and upscaling too), and what the worker hands the engine is exactly
// those settings.
import { describe, expect, it } from "vitest";
import { parseSettings, renderSettings, settingsHash } from "../../../core/settings/settings";
import { resolveSettings } from "../../../workers/retouch/settings";

describe("settings hash", () => {
  const base = parseSettings({});

  it("changes with upscaling, the shadow and its strength", () => {
    const h = settingsHash(base);
    expect(settingsHash(parseSettings({ upscale: true }))).not.toBe(h);
    const soft = parseSettings({ shadow: "soft" });
    expect(settingsHash(soft)).not.toBe(h);
    expect(settingsHash(parseSettings({ shadow: "soft", shadowStrength: 0.3 }))).not.toBe(settingsHash(soft));
  });

  it("ignores the strength of a shadow that is off, and what does not change the pixels", () => {
    const h = settingsHash(base);
    expect(settingsHash(parseSettings({ shadowStrength: 0.9 }))).toBe(h);
    expect(settingsHash(parseSettings({ autoPolicy: "publish", dailyCap: 3 }))).toBe(h);
  });

  it("the worker's engine settings carry upscaling and the shadow's strength, and the engine accepts them", () => {
    const shop = parseSettings({ shadow: "soft", shadowStrength: 0.3, upscale: true, size: 1600 });
    const render = renderSettings(shop);
    expect(render).toMatchObject({ shadow: "soft", shadowStrength: 0.3, upscale: true, size: 1600 });
    expect(resolveSettings(render)).toMatchObject({ shadow: "soft", shadowStrength: 0.3, upscale: true });
    // The shop's settings hold every field the engine's schema renders with.
    expect(Object.keys(render).sort()).toEqual(Object.keys(resolveSettings({})).sort());
  });
});
