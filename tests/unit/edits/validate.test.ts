// The edit list a client sends is read against the photo's geometry; anything unusable is refused
// with words that say what is wrong.
import { describe, expect, it } from "vitest";
import { EditsInputError, MAX_POINTS, parseEdits } from "../../../workers/retouch/edits/validate";

const G = { width: 1000, height: 800 };
const bad = (raw: unknown): string => {
  try {
    parseEdits(raw, G);
  } catch (e) {
    if (e instanceof EditsInputError) return e.message;
    throw e;
  }
  throw new Error("accepted");
};

describe("parseEdits", () => {
  it("reads a full list, with the default hardness", () => {
    const e = parseEdits(
      {
        mask: [
          {
            op: "erase",
            radius: 12,
            points: [
              [0, 0],
              [1000, 800],
            ],
          },
        ],
        color: { exposure: 0.5, temperature: -10, tint: 3 },
      },
      G,
    );
    expect(e).toEqual({
      mask: [
        {
          op: "erase",
          radius: 12,
          hardness: 0.8,
          points: [
            [0, 0],
            [1000, 800],
          ],
        },
      ],
      color: { exposure: 0.5, temperature: -10, tint: 3 },
    });
    expect(parseEdits({}, G)).toEqual({ mask: [], color: null });
  });

  it("refuses what it cannot use, in plain words", () => {
    expect(bad({ mask: [{ op: "erase", radius: 5, points: [[1001, 5]] }] })).toMatch(/outside the photo \(1000 × 800/);
    expect(bad({ mask: [{ op: "erase", radius: 5, points: [[-1, 5]] }] })).toMatch(/outside the photo/);
    expect(bad({ mask: [{ op: "erase", radius: 0, points: [[1, 5]] }] })).toMatch(/more than 0/);
    expect(bad({ mask: [{ op: "erase", radius: 5000, points: [[1, 5]] }] })).toMatch(/too large/);
    expect(bad({ mask: [{ op: "erase", radius: 5, points: [[Number.NaN, 5]] }] })).toMatch(/must be a number/);
    expect(bad({ mask: [{ op: "blur", radius: 5, points: [[1, 5]] }] })).toMatch(/unknown brush "blur"/);
    expect(
      bad({ mask: [{ op: "erase", radius: 5, points: Array.from({ length: MAX_POINTS + 1 }, () => [1, 1]) }] }),
    ).toMatch(/Too many points/);
    expect(bad({ color: { exposure: 9 } })).toMatch(/exposure must be between/);
    expect(bad({ color: { exposure: "1" } })).toMatch(/must be a number/);
    expect(bad({ colour: {} })).toMatch(/Unknown field "colour"/);
    expect(bad([1])).toMatch(/JSON object/);
  });
});
