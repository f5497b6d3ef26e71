// The merchant's path through Loupe in a real browser (Debian's Chromium via playwright-core) against
// `npm run demo` (started here on free ports, temp SQLite and storage, LOUPE_ENGINE_FAST=1):
// start a batch from the demo collection, wait for review, open a photo, zoom to 100 %, approve,
// publish — the fake store's media changes bytes but keeps its id, position and alt — then revert
// (the original bytes come back). Screenshots of every page go to test-artifacts/screenshots/ (home
// with its batch, and review, are copied to docs/screenshots/); the home page's LCP and CLS to test-artifacts/web-vitals.json.
// Set LOUPE_E2E_URL and LOUPE_E2E_FAKE_URL to run against a demo that is already running.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DESKTOP_UA, launchChromium } from "./support/browser";
import { startDemo, type Demo } from "./support/demo-server";
import { fakeState, findMedia } from "./support/fake-state";
import { measureWebVitals } from "./support/vitals";

const ROOT = resolve(import.meta.dirname, "../..");
const SHOTS = resolve(ROOT, "test-artifacts/screenshots");
const DOCS_SHOTS = resolve(ROOT, "docs/screenshots");
// The README's screenshots are refreshed only on request (with the real engine, see tests/e2e/README.md):
// LOUPE_UPDATE_SCREENSHOTS=1 LOUPE_E2E_REAL_ENGINE=1 npm run test:e2e
const UPDATE_DOCS = process.env.LOUPE_UPDATE_SCREENSHOTS === "1";

let demo: Demo | null = null;
let base = process.env.LOUPE_E2E_URL ?? "";
let fake = process.env.LOUPE_E2E_FAKE_URL ?? "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}${demo ? `\n--- demo log ---\n${demo.log().slice(-3000)}` : ""}`);
}

/** Client-side navigations (history API) change the URL without a load: poll it. */
async function urlMatches(re: RegExp, timeout = 30_000) {
  await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search, { timeout }).toMatch(re);
}

const imageState = () => page.getByTestId("image-state").getAttribute("data-state");

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await mkdir(DOCS_SHOTS, { recursive: true });
  if (!base) {
    demo = await startDemo();
    base = demo.url;
    fake = demo.fakeUrl;
  }
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: DESKTOP_UA, deviceScaleFactor: 1 });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("Loupe in a browser, against the demo store", () => {
  it("home: says what Loupe does, offers the demo collection, and loads fast without layout shift", async () => {
    // The demo's "/" plays the Shopify admin: it sends the browser to /app with a session token.
    // Web vitals are measured as a merchant meets them: a server that is already up (one warm-up load
    // in a throwaway context pays for the process's first token exchange and module loading) and a
    // browser with a cold cache (a fresh context).
    const warm = await browser.newContext({ userAgent: DESKTOP_UA });
    await (await warm.newPage()).goto(`${base}/`, { waitUntil: "load" });
    await warm.close();
    await page.goto(`${base}/`, { waitUntil: "load" });
    await expect.poll(() => page.url()).toContain("/app?");
    await page.getByRole("heading", { name: "Start a batch" }).waitFor();
    const vitals = await measureWebVitals(page);
    await mkdir(resolve(ROOT, "test-artifacts"), { recursive: true });
    await writeFile(resolve(ROOT, "test-artifacts/web-vitals.json"), JSON.stringify({ page: "home", url: "/app", measuredAt: new Date().toISOString(), ...vitals }, null, 2) + "\n");
    expect(vitals.lcpMs).toBeGreaterThan(0);
    expect(vitals.lcpMs).toBeLessThanOrEqual(2500);
    expect(vitals.cls).toBeLessThanOrEqual(0.1);

    await expect.poll(() => page.getByText(/Loupe retouches your jewelry photos/).isVisible()).toBe(true);
    const state = await fakeState(fake);
    const collection = state.collections[0]!;
    const option = page.getByLabel("Collection", { exact: true }).locator("option", { hasText: collection.title });
    expect(await option.count()).toBe(1);
    await shot("home");
  });

  let mediaId = "";
  let originalSha = "";
  let originalPosition = -1;
  let originalAlt: string | null = null;

  it("starts a batch from the demo collection and retouches every photo of it", async () => {
    const state = await fakeState(fake);
    const collection = state.collections[0]!;
    const photos = state.products.filter((p) => collection.productIds.includes(p.id)).reduce((n, p) => n + p.media.length, 0);
    expect(photos).toBeGreaterThan(0);

    await page.getByLabel("Collection", { exact: true }).selectOption(collection.id);
    await page.getByRole("button", { name: "Retouch this collection" }).click();
    await urlMatches(/\/app\/batches\/[^/?]+/);
    await page.locator("#batch-progress-text").waitFor();

    // The page polls while the batch runs: wait for every photo to leave "queued/processing".
    await waitFor("the batch to finish retouching", async () => (await page.locator("#batch-progress-text").textContent())?.includes(`All ${photos} photos retouched`), 420_000, 1000);
    const cards = page.getByTestId("image-card");
    expect(await cards.count()).toBe(photos);
    const reviewable = page.locator('[data-testid="image-card"][data-state="review"]');
    expect(await reviewable.count()).toBeGreaterThan(0);
    await waitFor("thumbnails to load", () => page.evaluate(() => [...document.querySelectorAll('[data-testid="image-card"] img')].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)), 30_000);
    await shot("batch");
  });

  it("reviews a photo: before/after, overlays, zoom to 100 % and pan", async () => {
    // A photo with a warning when there is one: its review shows the warning's area on the image.
    const withWarning = page.locator('[data-testid="image-card"][data-state="review"]:not([data-warnings="0"]) a');
    const anyReview = page.locator('[data-testid="image-card"][data-state="review"] a');
    await ((await withWarning.count()) > 0 ? withWarning : anyReview).first().click();
    await urlMatches(/\/app\/images\/[^/?]+/);
    await expect.poll(imageState, { timeout: 30_000 }).toBe("review");
    mediaId = (await page.getByTestId("image-state").getAttribute("data-media-id"))!;
    const before = findMedia(await fakeState(fake), mediaId);
    expect(before).not.toBeNull();
    originalSha = before!.media.sha256;
    originalPosition = before!.media.position;
    originalAlt = before!.media.alt;

    // Both layers load real pixels from the signed /blobs URLs.
    await waitFor("the before and after images", () => page.evaluate(() => {
      const imgs = [...document.querySelectorAll('[data-testid="stage"] img')] as HTMLImageElement[];
      return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    }), 30_000);
    // The color check: a guard's own number on its row, or the whole piece's swatches (no ΔE of its own).
    const colorCheck = page.locator('[data-testid="delta-e"], [data-testid="piece-color"]');
    await waitFor("the color check", async () => (await colorCheck.count()) > 0, 30_000);
    const de = Number(await colorCheck.first().getAttribute("data-value"));
    expect(Number.isFinite(de) && de >= 0).toBe(true);
    // Every removed spot listed is drawn on the image, and every warning has its area.
    const spots = await page.getByTestId("spot-item").count();
    expect(await page.getByTestId("spot-boxes").locator("> div").count()).toBe(spots);
    const warnings = await page.getByTestId("warning-item").count();
    expect(await page.getByTestId("warning-boxes").locator("> div").count()).toBeGreaterThanOrEqual(warnings);
    await shot("review");
    if (UPDATE_DOCS) await copyFile(resolve(SHOTS, "review.png"), resolve(DOCS_SHOTS, "review.png"));
    // The cutout edge, traced from the cutout's alpha on a canvas over the image.
    await page.getByLabel("Cutout edge").check();
    await page.getByTestId("edge-overlay").waitFor();
    await waitFor("the traced edge", () => page.getByTestId("edge-overlay").evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) return canvas.width > 0;
      return false;
    }), 30_000);
    await shot("review-edge");

    // The blobs are served by signed URL only: the real one works, a tampered signature is refused.
    const src = (await page.locator('[data-testid="stage"] img').first().getAttribute("src"))!;
    const ok = await page.request.get(new URL(src, base).href);
    expect(ok.status()).toBe(200);
    expect(ok.headers()["content-type"]).toMatch(/^image\//);
    expect(ok.headers()["cache-control"]).toMatch(/max-age=\d+/);
    const bad = await page.request.get(new URL(src.replace(/sig=[^&]+/, "sig=AAAA"), base).href);
    expect(bad.status()).toBe(403);
    const expired = await page.request.get(new URL(src.replace(/exp=\d+/, "exp=1000"), base).href);
    expect(expired.status()).toBe(403);

    const natural = await page.locator('[data-testid="stage"] img').first().evaluate((i) => ({ w: (i as HTMLImageElement).naturalWidth, h: (i as HTMLImageElement).naturalHeight }));
    const fitBox = await page.getByTestId("stage").boundingBox();
    await page.getByRole("button", { name: "100 %" }).click();
    await expect.poll(() => page.getByTestId("zoom-pane").getAttribute("data-zoom")).toBe("100");
    const zoomed = await page.getByTestId("stage").boundingBox();
    // One image pixel per CSS pixel.
    expect(Math.round(zoomed!.width)).toBe(natural.w);
    expect(Math.round(zoomed!.height)).toBe(natural.h);
    if (natural.w > fitBox!.width + 1) {
      // Centered on the piece, and dragging pans.
      const pane = page.getByTestId("zoom-pane");
      const start = await pane.evaluate((el) => el.scrollLeft);
      const box = (await pane.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      const after = await pane.evaluate((el) => el.scrollLeft);
      expect(after).toBeGreaterThan(start);
    }
    await shot("review-100");
    await page.getByRole("button", { name: "Fit" }).click();
  });

  it("approves and publishes: the store's photo changes bytes, keeps its id, position and alt text", async () => {
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await expect.poll(imageState, { timeout: 30_000 }).toBe("approved");
    await page.getByRole("button", { name: "Publish to store" }).click();
    await expect.poll(imageState, { timeout: 120_000, interval: 1000 }).toBe("published");
    const after = await waitFor("the store to hold the retouched photo", async () => {
      const m = findMedia(await fakeState(fake), mediaId);
      return m && m.media.sha256 !== originalSha ? m : null;
    }, 60_000);
    expect(after.media.id).toBe(mediaId);
    expect(after.media.position).toBe(originalPosition);
    expect(after.media.alt).toBe(originalAlt);
    await shot("review-published");
  });

  it("reverts: the store's photo is the original again", async () => {
    await page.getByRole("button", { name: "Revert to original" }).click();
    await expect.poll(imageState, { timeout: 120_000, interval: 1000 }).toBe("reverted");
    const back = await waitFor("the store to hold the original photo again", async () => {
      const m = findMedia(await fakeState(fake), mediaId);
      return m && m.media.sha256 === originalSha ? m : null;
    }, 60_000);
    expect(back.media.id).toBe(mediaId);
    expect(back.media.position).toBe(originalPosition);
    expect(back.media.alt).toBe(originalAlt);
  });

  it("shows the settings page with the demo collection in the reference table", async () => {
    await page.getByRole("link", { name: "Batch" }).click();
    await urlMatches(/\/app\/batches\//);
    await page.getByRole("link", { name: "Home" }).click();
    await urlMatches(/\/app(\?|$)/);
    await page.getByTestId("batch-row").first().waitFor();
    await shot("home-batches");
    if (UPDATE_DOCS) await copyFile(resolve(SHOTS, "home-batches.png"), resolve(DOCS_SHOTS, "home.png"));
    await page.getByRole("link", { name: "Settings" }).click();
    await urlMatches(/\/app\/settings/);
    await page.getByRole("heading", { name: "Collection reference images" }).waitFor();
    const state = await fakeState(fake);
    expect(await page.getByText(state.collections[0]!.title, { exact: true }).count()).toBeGreaterThan(0);
    await shot("settings");
    expect(pageErrors).toEqual([]);
  });
});
