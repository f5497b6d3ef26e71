// "Fix it in Loupe" in a real browser against `npm run demo` (LOUPE_ENGINE_FAST=1): erase a stroke
// across the piece at 100 %, save, and the worker's new cutout is transparent along the stroke and
// unchanged elsewhere (pixels compared); restore brings it back; exposure +1 stop doubles the piece's
// linear luminance, and the browser's live preview matches the worker's pixels (ΔE00); apply-color
// re-renders every photo of the batch; "Match reference" brings the metal within ΔE00 1 of the
// collection's approved reference. Bad edit lists get 400 with plain words. Brush latency per
// stroke segment is measured with the performance API and written to test-artifacts/brush-latency.json
// (reported, not asserted).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DESKTOP_UA, launchChromium } from "./support/browser";
import { startDemo, type Demo } from "./support/demo-server";
import { fakeState } from "./support/fake-state";
import { deltaE2000, linearRgbToLab, srgbToLinear } from "../../workers/retouch/color";
import type { EditList } from "../../workers/retouch/edits/types";
import { matchReference } from "../../workers/retouch/edits/match-reference";

const ROOT = resolve(import.meta.dirname, "../..");
let demo: Demo | null = null;
let base = process.env.LOUPE_E2E_URL ?? "";
let fake = process.env.LOUPE_E2E_FAKE_URL ?? "";
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

interface ApiImage {
  id: string;
  state: string;
  version: number;
  edits: EditList | null;
  cutoutUrl: string | null;
  resultUrl: string | null;
  width: number | null;
  height: number | null;
}

async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([p, method, body]) => {
      const r = await fetch(p, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json() };
    },
    [path, init.method ?? "GET", init.body] as const,
  ) as Promise<{ status: number; body: T }>;
}

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  everyMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn().catch(() => null);
    if (v) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${demo ? `\n--- demo log ---\n${demo.log().slice(-3000)}` : ""}`);
}

async function rgbaOf(url: string): Promise<{ data: Uint8Array; width: number; height: number }> {
  const res = await fetch(new URL(url, base));
  expect([url, res.status, res.status === 200 ? "" : await res.text()]).toEqual([url, 200, ""]);
  const { data, info } = await sharp(Buffer.from(await res.arrayBuffer()))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

function distToPath(px: number, py: number, pts: Array<[number, number]>): number {
  let best = Infinity;
  for (let i = 0; i < pts.length; i++) {
    const [ax, ay] = pts[Math.max(0, i - 1)]!;
    const [bx, by] = pts[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

/** The first 8-bit sRGB code at or above half the light (linear 0.5). */
const HALF_LIGHT_8BIT = 188;
const lum = (d: Uint8Array, o: number) =>
  0.2126 * srgbToLinear(d[o]! / 255) + 0.7152 * srgbToLinear(d[o + 1]! / 255) + 0.0722 * srgbToLinear(d[o + 2]! / 255);
const lab = (d: ArrayLike<number>, o: number) =>
  linearRgbToLab(srgbToLinear(d[o]! / 255), srgbToLinear(d[o + 1]! / 255), srgbToLinear(d[o + 2]! / 255));

let batchId = "";
let imageId = "";
let W = 0;
let H = 0;
const image = async () =>
  (await api<{ batch: { images: ApiImage[] } }>(`/api/batches/${batchId}`)).body.batch.images.find(
    (i) => i.id === imageId,
  )!;
/** Waits until the photo is back in review at a version after `after`. */
const settled = (after: number) =>
  waitFor(
    `version ${after + 1} in review`,
    async () => {
      const i = await image(); // one snapshot: state and version read together
      return i.state === "review" && i.version > after ? i : null;
    },
    180_000,
    1000,
  );

beforeAll(async () => {
  if (!base) {
    // Demo photos of 2000–2400 px: the brush is measured on a photo of at least 4 MP.
    demo = await startDemo(240_000, { FAKE_SHOPIFY_PHOTO_SIZE: "2000" });
    base = demo.url;
    fake = demo.fakeUrl;
  }
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1200 },
    userAgent: DESKTOP_UA,
    deviceScaleFactor: 1,
  });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("Fix it in Loupe: brush and colour pass", () => {
  it("retouches the demo collection and opens a 4 MP photo's review page", async () => {
    await page.goto(`${base}/`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Start a batch" }).waitFor();
    const state = await fakeState(fake);
    const collection = state.collections[0]!;
    const photos = state.products
      .filter((p) => collection.productIds.includes(p.id))
      .reduce((n, p) => n + p.media.length, 0);
    await page.getByLabel("Collection", { exact: true }).selectOption(collection.id);
    await page.getByRole("button", { name: "Retouch this collection" }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toMatch(/\/app\/batches\/[^/]+/);
    batchId = new URL(page.url()).pathname.split("/").pop()!;
    await waitFor(
      "the batch to finish",
      async () =>
        (await page.locator("#batch-progress-text").textContent())?.includes(`All ${photos} photos retouched`),
      420_000,
      1000,
    );
    const images = (await api<{ batch: { images: ApiImage[] } }>(`/api/batches/${batchId}`)).body.batch.images.filter(
      (i) => i.state === "review",
    );
    expect(images.length).toBeGreaterThan(1);
    // The smallest photo of at least 4 MP (the issue's brush latency is stated on a 4 MP photo).
    const px = (i: ApiImage) => (i.width ?? 0) * (i.height ?? 0);
    const photo = images.filter((i) => px(i) >= 4e6).reduce((a, b) => (px(b) < px(a) ? b : a));
    imageId = photo.id;
    W = photo.width!;
    H = photo.height!;
    expect(photo).toMatchObject({ version: 1, edits: null });
    for (const k of ["cutoutUrl", "resultUrl"] as const) expect(photo[k]).toMatch(/^\/blobs\//);
    await page.locator(`a[href$="/app/images/${imageId}"]`).first().click();
    await page.getByTestId("editor").waitFor();
    await waitFor(
      "the cutout in the editor",
      () => page.getByTestId("brush-cutout").getAttribute("data-loaded"),
      30_000,
    );
  });

  it("refuses bad edit lists with 400 and plain words", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ mask: [{ op: "erase", radius: 5, points: [[W + 5, 1]] }] }, /outside the photo/],
      [{ mask: [{ op: "erase", radius: 0, points: [[1, 1]] }] }, /more than 0/],
      [{ mask: [{ op: "erase", radius: 1e6, points: [[1, 1]] }] }, /too large/],
      [{ mask: [{ op: "erase", radius: 5, points: [["NaN", 1]] }] }, /must be a number/],
      [{ mask: [{ op: "smudge", radius: 5, points: [[1, 1]] }] }, /unknown brush/],
      [{ mask: [{ op: "erase", radius: 5, points: Array.from({ length: 10_001 }, () => [1, 1]) }] }, /Too many points/],
    ];
    for (const [body, words] of cases) {
      const res = await api<{ error: { message: string } }>(`/api/images/${imageId}/edits`, { method: "POST", body });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(words);
    }
    expect((await image()).version).toBe(1);
  });

  let auto: Awaited<ReturnType<typeof rgbaOf>>;
  let erased: Awaited<ReturnType<typeof rgbaOf>>;
  let stroke: Array<[number, number]> = [];
  let radius = 0;

  /** Drags the brush across the piece's middle row at 100 % (as far as the pane shows it). */
  async function dragAcrossPiece(op: "Erase" | "Restore") {
    const editor = page.getByTestId("editor");
    await editor.getByRole("button", { name: op, exact: true }).click();
    await editor.getByRole("button", { name: "Brush view at one photo pixel per screen pixel" }).click();
    await expect.poll(() => page.getByTestId("brush-overlay").getAttribute("data-zoom")).toBe("100");
    const row = await page.getByTestId("brush-cutout").evaluate(
      (c, [w, h]) => {
        const d = (c as HTMLCanvasElement).getContext("2d")!.getImageData(0, 0, w!, h!).data;
        let y0 = h!;
        let y1 = 0;
        let x0 = w!;
        let x1 = 0;
        for (let y = 0; y < h!; y++)
          for (let x = 0; x < w!; x++)
            if (d[4 * (y * w! + x) + 3]! === 255) {
              y0 = Math.min(y0, y);
              y1 = Math.max(y1, y);
              x0 = Math.min(x0, x);
              x1 = Math.max(x1, x);
            }
        return { y: Math.round((y0 + y1) / 2), x0, x1 };
      },
      [W, H],
    );
    const pane = page.getByTestId("brush-pane");
    await pane.scrollIntoViewIfNeeded();
    await pane.evaluate((el, r) => {
      el.scrollTop = r.y - el.clientHeight / 2;
      el.scrollLeft = (r.x0 + r.x1) / 2 - el.clientWidth / 2;
    }, row);
    const box = (await pane.boundingBox())!;
    const canvas = (await page.getByTestId("brush-overlay").boundingBox())!;
    const sy = canvas.y + row.y;
    const left = Math.max(box.x + 4, canvas.x + row.x0 - 20);
    const right = Math.min(box.x + box.width - 4, canvas.x + row.x1 + 20);
    expect(sy).toBeGreaterThan(box.y);
    expect(sy).toBeLessThan(box.y + box.height);
    await page.mouse.move(left, sy);
    await page.mouse.down();
    await page.mouse.move(right, sy, { steps: 60 });
    await page.mouse.up();
  }

  it("erase at 100 %: the new cutout is transparent along the stroke and unchanged elsewhere", async () => {
    auto = await rgbaOf((await image()).cutoutUrl!);
    await page.evaluate(() => performance.clearMeasures("loupe-brush-segment"));
    await dragAcrossPiece("Erase");
    await page.getByRole("button", { name: "Save edits" }).click();
    const v2 = await settled(1);
    expect(v2.edits?.mask).toHaveLength(1);
    stroke = v2.edits!.mask[0]!.points;
    radius = v2.edits!.mask[0]!.radius;
    expect(stroke.length).toBeGreaterThan(5);
    if (!v2.cutoutUrl)
      throw new Error(
        `no cutout for version 2: ${JSON.stringify(v2)} / ${JSON.stringify((await api(`/api/images/${imageId}/edits`)).body).slice(0, 3000)}${demo ? demo.log().slice(-3000) : ""}`,
      );
    erased = await rgbaOf(v2.cutoutUrl);
    expect([erased.width, erased.height]).toEqual([W, H]);
    let core = 0;
    let coreClear = 0;
    let pieceHit = 0;
    let far = 0;
    let farSame = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const d = distToPath(x + 0.5, y + 0.5, stroke);
        const o = 4 * (y * W + x);
        if (d <= radius * 0.8 - 0.5) {
          core++;
          if (erased.data[o + 3] === 0) coreClear++;
          if (auto.data[o + 3] === 255) pieceHit++;
        } else if (d > radius + 8) {
          far++;
          if ([0, 1, 2, 3].every((c) => erased.data[o + c] === auto.data[o + c])) farSame++;
        }
      }
    expect(pieceHit).toBeGreaterThan(100); // the stroke crossed the piece
    expect(coreClear).toBe(core);
    expect(farSame / far).toBeGreaterThan(0.999);

    const latency = await page.evaluate(() =>
      performance.getEntriesByName("loupe-brush-segment").map((e) => e.duration),
    );
    const sorted = [...latency].sort((a, b) => a - b);
    const report = {
      photo: { width: W, height: H, megapixels: Math.round((W * H) / 1e4) / 100 },
      segments: latency.length,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      p95Ms: sorted[Math.floor(sorted.length * 0.95)],
      maxMs: sorted[sorted.length - 1],
      measuredAt: new Date().toISOString(),
    };
    await mkdir(resolve(ROOT, "test-artifacts"), { recursive: true });
    await writeFile(resolve(ROOT, "test-artifacts/brush-latency.json"), JSON.stringify(report, null, 2) + "\n");
    console.log("brush latency per stroke segment:", JSON.stringify(report));
    expect(latency.length).toBeGreaterThan(10);
    expect(W * H).toBeGreaterThanOrEqual(4e6);
  });

  it("restore along the same path brings the piece back; earlier versions stay listed", async () => {
    await waitFor(
      "the editor on version 2",
      async () => (await page.getByTestId("editor").getAttribute("data-version")) === "2",
      30_000,
    );
    await waitFor(
      "the new cutout in the editor",
      () => page.getByTestId("brush-cutout").getAttribute("data-loaded"),
      30_000,
    );
    await dragAcrossPiece("Restore");
    await page.getByRole("button", { name: "Save edits" }).click();
    const v3 = await settled(2);
    expect(v3.edits?.mask.map((s) => s.op)).toEqual(["erase", "restore"]);
    const restored = await rgbaOf(v3.cutoutUrl!);
    let piece = 0;
    let back = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const o = 4 * (y * W + x);
        if (auto.data[o + 3] !== 255 || distToPath(x + 0.5, y + 0.5, stroke) > radius * 0.8 - 0.5) continue;
        piece++;
        if (restored.data[o + 3] === 255) back++;
      }
    expect(piece).toBeGreaterThan(100);
    expect(back / piece).toBeGreaterThan(0.99);
    await waitFor("three versions listed", async () => (await page.getByTestId("version-item").count()) >= 3, 30_000);
  });

  it("exposure +1 stop doubles the piece's linear luminance; the live preview matches the worker within ΔE00 1", async () => {
    const before = await rgbaOf((await image()).cutoutUrl!);
    await waitFor(
      "the editor on version 3",
      async () => (await page.getByTestId("editor").getAttribute("data-version")) === "3",
      30_000,
    );
    await page.getByLabel("Exposure").fill("1");
    await expect.poll(() => page.getByTestId("color-preview").getAttribute("data-pass")).toContain('"exposure":1');
    const previewPng = await page
      .getByTestId("color-preview")
      .evaluate((c) => (c as HTMLCanvasElement).toDataURL("image/png"));
    await page.getByRole("button", { name: "Save edits" }).click();
    const v4 = await settled(3);
    expect(v4.edits?.color).toEqual({ exposure: 1, temperature: 0, tint: 0 });
    const after = await rgbaOf(v4.cutoutUrl!);
    const preview = await sharp(Buffer.from(previewPng.split(",")[1]!, "base64"))
      .ensureAlpha()
      .raw()
      .toBuffer();
    // A stop is twice the light. An 8-bit result cannot hold twice a bright pixel (white metal after the
    // automatic exposure is mostly above half the light), so the ratio is read on the piece's pixels
    // whose every channel was below half the light before (chosen from the input, not the output), and
    // reported over the whole piece as well.
    let sumBefore = 0;
    let sumAfter = 0;
    let allBefore = 0;
    let allAfter = 0;
    let maxDe = 0;
    let n = 0;
    let all = 0;
    for (let o = 0; o < before.data.length; o += 4) {
      if (before.data[o + 3] !== 255 || after.data[o + 3] !== 255) continue;
      all++;
      allBefore += lum(before.data, o);
      allAfter += lum(after.data, o);
      maxDe = Math.max(maxDe, deltaE2000(...lab(preview, o), ...lab(after.data, o)));
      if (Math.max(before.data[o]!, before.data[o + 1]!, before.data[o + 2]!) >= HALF_LIGHT_8BIT) continue;
      sumBefore += lum(before.data, o);
      sumAfter += lum(after.data, o);
      n++;
    }
    expect(n).toBeGreaterThan(1000);
    const ratio = sumAfter / sumBefore;
    console.log(
      `exposure +1: piece linear luminance ×${ratio.toFixed(3)} over ${n} opaque pixels below half the light (×${(allAfter / allBefore).toFixed(3)} over all ${all}, ${(100 * (1 - n / all)).toFixed(1)} % at or above half the light); preview vs worker max ΔE00 ${maxDe.toFixed(3)}`,
    );
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
    expect(maxDe).toBeLessThanOrEqual(1);
  });

  it("match reference: an approved photo of the same metal becomes the collection's reference; the matched render is within ΔE00 1 of it", async () => {
    const all = (await api<{ batch: { images: ApiImage[] } }>(`/api/batches/${batchId}`)).body.batch.images;
    const target = await image();
    const base = await rgbaOf(target.cutoutUrl!);
    const asImage8 = (x: { data: Uint8Array; width: number; height: number }, channels: 3 | 4) => ({
      width: x.width,
      height: x.height,
      channels,
      data: x.data,
    });
    // A photo of the same metal family as this one (the match refuses other families).
    let refId = "";
    for (const c of all.filter((i) => i.id !== imageId && i.state === "review")) {
      const comp = await rgbaOf(c.resultUrl!);
      const rgb = { ...comp, data: new Uint8Array(comp.width * comp.height * 3) };
      for (let i = 0, o = 0; o < comp.data.length; i += 3, o += 4) rgb.data.set(comp.data.subarray(o, o + 3), i);
      if (matchReference(asImage8(rgb, 3), asImage8(base, 4), null).pass) {
        refId = c.id;
        break;
      }
    }
    expect(refId).not.toBe("");
    expect((await api(`/api/images/${refId}/approve`, { method: "POST" })).status).toBe(200);
    const state = await fakeState(fake);
    const collection = state.collections[0]!;
    // review → batch → home → settings, as a merchant walks there (the demo has no admin nav).
    await page.getByRole("link", { name: "Batch" }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toMatch(/\/app\/batches\//);
    await page.getByRole("link", { name: "Home" }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toMatch(/\/app\/?$/);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Collection reference images" }).waitFor();
    await page.getByLabel(`Reference photo for ${collection.title}`).selectOption(refId);
    await page.getByRole("button", { name: "Use", exact: true }).click();
    await page.getByRole("button", { name: "Remove", exact: true }).waitFor({ timeout: 30_000 }); // the row now has a reference
    for (let i = 0; i < 3; i++) await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe(`/app/images/${imageId}`);
    await page.getByTestId("editor").waitFor();
    await waitFor(
      "the cutout in the editor",
      () => page.getByTestId("brush-cutout").getAttribute("data-loaded"),
      30_000,
    );
    await page.getByRole("button", { name: "Match reference" }).click();
    await page
      .getByTestId("color-note")
      .filter({ hasText: /Matched to the reference/ })
      .waitFor({ timeout: 30_000 });
    const version = (await image()).version;
    await page.getByRole("button", { name: "Save edits" }).click();
    const matched = await settled(version);
    expect(matched.edits?.color).not.toEqual({ exposure: 1, temperature: 0, tint: 0 });
    const refComposite = await rgbaOf(all.find((i) => i.id === refId)!.resultUrl!);
    const refRgb = { ...refComposite, data: new Uint8Array(refComposite.width * refComposite.height * 3) };
    for (let i = 0, o = 0; o < refComposite.data.length; i += 3, o += 4)
      refRgb.data.set(refComposite.data.subarray(o, o + 3), i);
    const after = matchReference(asImage8(refRgb, 3), asImage8(await rgbaOf(matched.cutoutUrl!), 4), [255, 255, 255]);
    const before = matchReference(asImage8(refRgb, 3), asImage8(base, 4), [255, 255, 255]);
    console.log(
      `match reference: metal ΔE00 ${before.metal.deltaEBefore} → ${after.metal.deltaEBefore} (${after.metal.photo} metal); backdrop ΔE00 ${after.backdropDeltaE}; pass ${JSON.stringify(matched.edits?.color)}`,
    );
    expect(after.metal.deltaEBefore!).toBeLessThan(1);
    expect(after.backdropDeltaE!).toBeLessThan(1);
  });

  it("apply colour to the batch re-renders every other photo with that colour pass", async () => {
    const others = (await api<{ batch: { images: ApiImage[] } }>(`/api/batches/${batchId}`)).body.batch.images.filter(
      (i) => i.id !== imageId && i.state === "review",
    );
    expect(others.length).toBeGreaterThan(0);
    // The batch was started from a collection, so the pass can also go to the collection's other batches.
    await page.getByRole("button", { name: "Apply colour to collection" }).waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Apply colour to batch" }).click();
    await page
      .getByTestId("editor-message")
      .filter({ hasText: /Colour applied to \d+ other photo/ })
      .waitFor({ timeout: 30_000 });
    const done = await waitFor(
      "every photo re-rendered",
      async () => {
        const imgs = (await api<{ batch: { images: ApiImage[] } }>(`/api/batches/${batchId}`)).body.batch.images.filter(
          (i) => others.some((o) => o.id === i.id),
        );
        return imgs.every((i) => i.state === "review" && i.version >= 2) ? imgs : null;
      },
      300_000,
      2000,
    );
    const color = (await image()).edits?.color;
    expect(color).toBeTruthy();
    for (const img of done) {
      const was = others.find((o) => o.id === img.id)!;
      expect(img.edits?.color).toEqual(color);
      expect(img.cutoutUrl).not.toBe(was.cutoutUrl);
    }
    expect(pageErrors).toEqual([]);
  });
});
