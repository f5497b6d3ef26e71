// Bad and unusual inputs through the real EnginePool (worker threads), with the cheap
// LOUPE_ENGINE_FAST segmenter: each either succeeds (with a note where something was converted) or
// fails with a RetouchInputError whose code and merchant-facing message crossed the thread.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnginePool, RetouchInputError } from "../../../workers/retouch/index";
import { makeFixture, fixtureJpeg } from "../../fixtures/jewelry";
import { pngBomb } from "../../fixtures/bad-files";

let pool: EnginePool;
const fx = makeFixture({ size: 360, dust: 0, seed: 21 });
const raw = () => sharp(fx.image.data, { raw: { width: 360, height: 360, channels: 3 } });

beforeAll(() => {
  process.env.LOUPE_ENGINE_FAST = "1";
  pool = new EnginePool({ threads: 1 });
});
afterAll(async () => {
  await pool.close();
  delete process.env.LOUPE_ENGINE_FAST;
});

async function rejectsWith(input: Uint8Array, code: string, words: RegExp): Promise<void> {
  const err = await pool.retouch(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RetouchInputError);
  expect((err as RetouchInputError).code).toBe(code);
  expect((err as RetouchInputError).message).toMatch(words);
}

describe("bad input", () => {
  it("empty file", () => rejectsWith(new Uint8Array(0), "EMPTY", /empty/i));

  it("truncated JPEG", async () => {
    const jpg = await fixtureJpeg(fx);
    await rejectsWith(jpg.subarray(0, Math.floor(jpg.length * 0.6)), "TRUNCATED", /incomplete.*upload/i);
  });

  it("corrupt JPEG body", async () => {
    const jpg = Buffer.from(await fixtureJpeg(fx));
    const bad = Buffer.concat([jpg.subarray(0, 300), Buffer.alloc(4000, 0x5a)]);
    await rejectsWith(bad, "CORRUPT", /damaged/i);
  });

  it("not an image (text, PDF)", async () => {
    await rejectsWith(Buffer.from("name,price\nring,100\n"), "NOT_AN_IMAGE", /not an image/i);
    await rejectsWith(Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "NOT_AN_IMAGE", /JPEG, PNG/);
  });

  it("decompression bomb is refused from its header alone", async () => {
    const bomb = pngBomb(60000, 60000);
    expect(bomb.length).toBeLessThan(200_000);
    const t = performance.now();
    await rejectsWith(bomb, "TOO_MANY_PIXELS", /megapixels/);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it("a real 42 MP photo is over the limit", async () => {
    const big = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: "#f4f4f4" } })
      .jpeg({ quality: 50 })
      .toBuffer();
    await rejectsWith(big, "TOO_MANY_PIXELS", /7000×6000.*40 megapixels/);
  });

  it("an all-white image has no piece", async () => {
    const white = await sharp({ create: { width: 400, height: 400, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    await rejectsWith(white, "NO_PIECE", /could not find a piece/i);
  });

  it("a photo with no clear piece (busy texture everywhere)", async () => {
    const n = 400 * 400 * 3;
    const noise = new Uint8Array(n);
    let s = 1;
    for (let i = 0; i < n; i++) noise[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
    const png = await sharp(noise, { raw: { width: 400, height: 400, channels: 3 } })
      .png()
      .toBuffer();
    await rejectsWith(png, "NO_PIECE", /could not tell the piece/i);
  });

  it("bad settings are refused with what to choose", async () => {
    const err = await pool.retouch(await fixtureJpeg(fx), { background: "sky blue" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetouchInputError);
    expect((err as RetouchInputError).code).toBe("BAD_SETTINGS");
  });
});

describe("unusual but valid input", () => {
  const ok = async (input: Uint8Array, note: RegExp | null, size = 360) => {
    const o = await pool.retouch(input, { size: 256 });
    expect(o.width).toBe(size);
    if (note) expect(o.report.input.notes.join(" ")).toMatch(note);
    expect(o.report.framing.fill).toBeGreaterThan(0.7);
    const meta = await sharp(o.cutoutPng).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([o.width, o.height, 4]);
    return o;
  };

  it("CMYK JPEG", async () => ok(await raw().toColourspace("cmyk").jpeg().toBuffer(), /CMYK/));
  it("16-bit PNG", async () => ok(await raw().toColourspace("rgb16").png().toBuffer(), /16-bit/));
  it("greyscale", async () => {
    const grey = new Uint8Array(360 * 360);
    for (let i = 0; i < grey.length; i++) grey[i] = fx.image.data[3 * i + 1]!;
    const png = await sharp(grey, { raw: { width: 360, height: 360, channels: 1 } })
      .toColourspace("b-w")
      .png()
      .toBuffer();
    expect((await sharp(png).metadata()).channels).toBe(1);
    await ok(png, /Greyscale/);
  });
  it("PNG with alpha", async () => {
    const rgba = new Uint8Array(360 * 360 * 4);
    for (let i = 0; i < 360 * 360; i++) {
      rgba.set(fx.image.data.subarray(3 * i, 3 * i + 3), 4 * i);
      rgba[4 * i + 3] = Math.round(255 * Math.max(0.2, fx.alpha.data[i]!));
    }
    await ok(
      await sharp(rgba, { raw: { width: 360, height: 360, channels: 4 } })
        .png()
        .toBuffer(),
      /Transparent/,
    );
  });
  it("animated GIF and WebP: first frame, with a note", async () => {
    const frames = [
      raw().png().toBuffer(),
      sharp({ create: { width: 360, height: 360, channels: 3, background: "#202020" } })
        .png()
        .toBuffer(),
    ];
    const [a, b] = await Promise.all(frames);
    const gif = await sharp([a, b], { join: { animated: true } })
      .gif()
      .toBuffer();
    const webp = await sharp([a, b], { join: { animated: true } })
      .webp()
      .toBuffer();
    await ok(gif, /first of 2 frames/);
    await ok(webp, /first of 2 frames/);
  });
  it("EXIF orientation is applied (the output is upright)", async () => {
    const wide = await raw()
      .extend({ right: 120, background: "#dbdbdb" })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const o = await pool.retouch(wide, { size: 256 });
    expect([o.width, o.height]).toEqual([360, 480]);
    expect(o.report.input.notes.join(" ")).toMatch(/orientation 6/);
  });
});
