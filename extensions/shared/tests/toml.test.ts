import { describe, expect, it } from "vitest";
import { parseToml } from "./toml";

describe("the test TOML reader", () => {
  it("reads keys, comments and nested arrays of tables", () => {
    const t = parseToml(`api_version = "2026-10" # trailing
# comment
[[extensions]]
name = "t:name"
handle = "a#b"
[[extensions.targeting]]
module = "./src/A.tsx"
target = "admin.x.render"
[[extensions.targeting]]
target = "admin.y.render"
[[extensions]]
name = "second"
`);
    expect(t).toEqual({
      api_version: "2026-10",
      extensions: [
        {
          name: "t:name",
          handle: "a#b",
          targeting: [{ module: "./src/A.tsx", target: "admin.x.render" }, { target: "admin.y.render" }],
        },
        { name: "second" },
      ],
    });
  });

  it("refuses what it cannot read rather than guessing", () => {
    expect(() => parseToml(`a = [1, 2]`)).toThrow("line 1: unsupported value [1, 2]");
    expect(() => parseToml(`a = "x"\na = "y"`)).toThrow("line 2: duplicate key a");
    expect(() => parseToml(`just words`)).toThrow('line 1: cannot read "just words"');
  });
});
