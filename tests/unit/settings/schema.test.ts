// One settings schema (workers/retouch/settings.ts) behind the CLI, the web app and the engine: the
// same value is refused in all three with the same message, and guard thresholds are a closed set.
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../../workers/cli-args";
import { parseSettings, DEFAULT_SETTINGS as SHOP_DEFAULTS } from "../../../core/settings/settings";
import { DEFAULT_SETTINGS, MARGIN_RANGE, resolveSettings, SIZE_RANGE } from "../../../workers/retouch/settings";
import { DEFAULT_THRESHOLDS } from "../../../workers/retouch/guards/thresholds";

/** The message each of the three entry points gives for one bad field (null when it is accepted). */
function messages(
  field: string,
  value: unknown,
  cliArgs: string[] | null,
): { engine: string | null; web: string | null; cli: string | null } {
  const grab = (f: () => unknown) => {
    try {
      f();
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };
  return {
    engine: grab(() => resolveSettings({ [field]: value })),
    web: grab(() => parseSettings({ [field]: value })),
    cli: cliArgs ? grab(() => parseCliArgs(["a.jpg", "--out", "o", ...cliArgs])) : null,
  };
}

describe("one settings schema", () => {
  it("states one size range, and the three entry points refuse outside it with one message", () => {
    expect(SIZE_RANGE).toEqual({ min: 64, max: 8192 });
    for (const bad of [63, 8193, 100.5]) {
      const m = messages("size", bad, ["--size", String(bad)]);
      expect(m.engine).toBe(
        `The output size ${bad} is out of range. Choose a whole number of pixels between 64 and 8192.`,
      );
      expect(m.web).toBe(m.engine);
      expect(m.cli).toBe(m.engine);
    }
    for (const ok of [64, 8192, 2048])
      expect(messages("size", ok, ["--size", String(ok)])).toEqual({ engine: null, web: null, cli: null });
    // What the web used to cap at (4096) is accepted everywhere now.
    expect(parseSettings({ size: 5000 }).size).toBe(5000);
  });

  it("refuses a margin outside [0, 0.45), a bad colour, format or shadow, with the same words everywhere", () => {
    expect(MARGIN_RANGE).toEqual({ min: 0, below: 0.45 });
    const cases: Array<[string, unknown, string[]]> = [
      ["marginPct", 0.45, ["--margin", "0.45"]],
      ["marginPct", -0.01, ["--margin", "-0.01"]],
      ["background", "white", ["--background", "white"]],
      ["format", "gif", ["--format", "gif"]],
      ["shadow", "hard", ["--shadow", "hard"]],
      ["shadowStrength", 1.5, ["--shadow-strength", "1.5"]],
      ["shadowStrength", -0.1, ["--shadow-strength", "-0.1"]],
    ];
    for (const [field, value, cli] of cases) {
      const m = messages(field, value, cli);
      expect(m.engine, field).toMatch(/^The (margin|background|format|shadow|shadow strength) .+\. (Choose|Use) .+\.$/);
      expect(m.web).toBe(m.engine);
      expect(m.cli).toBe(m.engine);
    }
    expect(messages("shadowStrength", 1.5, null).web).toBe(
      "The shadow strength 1.5 is out of range. Choose a strength between 0 and 1.",
    );
    // Upscaling is a yes or no: a string from a form is refused by the engine and the web alike.
    const up = messages("upscale", "yes", null);
    expect(up.web).toBe("Upscaling is either on (true) or off (false).");
    expect(up.engine).toBe(up.web);
    expect(messages("background", "white", null).engine).toBe(
      'The background "white" is not a color. Use a hex color like #ffffff, or transparent.',
    );
  });

  it("a CLI number that is not a number is refused by the schema, not passed on", () => {
    expect(() => parseCliArgs(["a.jpg", "--out", "o", "--size", "big"])).toThrow("The output size NaN is out of range");
    expect(parseCliArgs(["a.jpg", "--out", "o", "--size", "1024", "--upscale"]).settings).toMatchObject({
      size: 1024,
      upscale: true,
      format: "jpg",
    });
  });

  it("guard thresholds are a closed set of keys with finite values", () => {
    expect(resolveSettings({ guardThresholds: { metalDeltaEWarn: 2 } }).guardThresholds).toEqual({
      metalDeltaEWarn: 2,
    });
    expect(() => resolveSettings({ guardThresholds: { metalDeltaEWran: 2 } as never })).toThrow(
      '"metalDeltaEWran" is not a guard threshold.',
    );
    expect(() => parseSettings({ guardThresholds: { metalDeltaEWran: 2 } })).toThrow(
      '"metalDeltaEWran" is not a guard threshold.',
    );
    expect(() => parseSettings({ guardThresholds: { sparkleKeptWarn: "0.5" } })).toThrow(
      'The guard threshold sparkleKeptWarn must be a number (got "0.5").',
    );
    expect(() => parseSettings({ guardThresholds: { sparkleKeptWarn: Number.NaN } })).toThrow("must be a number");
    expect(Object.keys(DEFAULT_THRESHOLDS)).toContain("batchEdgeRobustZ");
  });

  it("every bad field is named, once each", () => {
    let msg = "";
    try {
      parseSettings({ size: 10, format: "gif", autoPolicy: "always" });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toContain("The output size 10");
    expect(msg).toContain('The format "gif"');
    expect(msg).toContain('The auto policy "always"');
  });

  it("one set of defaults: the shop's render defaults are the engine's", () => {
    for (const k of [
      "background",
      "size",
      "marginPct",
      "shadow",
      "shadowStrength",
      "upscale",
      "format",
      "guardThresholds",
    ] as const)
      expect(SHOP_DEFAULTS[k]).toEqual(DEFAULT_SETTINGS[k]);
    // Every field the engine renders with is a shop setting: none is left to the engine's default.
    expect(Object.keys(SHOP_DEFAULTS)).toEqual(expect.arrayContaining(Object.keys(DEFAULT_SETTINGS)));
    expect(SHOP_DEFAULTS).toMatchObject({ shadowStrength: 0.5, upscale: false });
    // Settings stored before these fields existed read as the defaults.
    expect(parseSettings({ background: "#fafafa", shadow: "soft" })).toMatchObject({
      shadowStrength: 0.5,
      upscale: false,
    });
    expect(parseSettings(undefined)).toEqual(SHOP_DEFAULTS);
    expect(parseSettings({ background: "#ABCDEF" }).background).toBe("#abcdef");
  });
});
