// Reads what the review page's two side-by-side panes really show, from pixels: for a grid of points at
// the same place in each pane, the photo coordinate under the point in the left pane (from the
// original image's on-screen box and natural size) and the composite pixel under it in the right pane
// (from the composite image's on-screen box and natural size). Where the piece is solid (the cutout's
// alpha is 255 around the point) the cutout's colour there must be the composite's colour: the engine's
// cutout carries every correction the composite has; where there is surely no piece (alpha 0 around
// the point) the composite must show the background colour. `mismatchRate` is the share of these
// points where the colours differ by more than 40 (of 255); `shifted…` repeat the comparison with the
// composite read 24 px to the side, a control that shows the check fails on a misaligned pane.
import type { Page } from "playwright-core";

export interface PaneAgreement {
  /** Solid piece points compared (cutout colour vs composite colour). */
  points: number;
  medianDiff: number;
  shiftedDiff: number;
  /** Solid piece points and sure-background points together. */
  checked: number;
  mismatchRate: number;
  shiftedMismatchRate: number;
  left: { scrollLeft: number; scrollTop: number };
  right: { scrollLeft: number; scrollTop: number };
}

export async function sideBySideAgreement(page: Page, cutoutUrl: string, background: string): Promise<PaneAgreement> {
  return page.evaluate(
    async ({ cutoutSrc, bgHex }) => {
      const bg = [1, 3, 5].map((i) => parseInt(bgHex.slice(i, i + 2), 16));
      const panes = [...document.querySelectorAll<HTMLElement>('[data-testid="zoom-pane"]')];
      if (panes.length !== 2) throw new Error(`expected two panes, found ${panes.length}`);
      const [lp, rp] = panes as [HTMLElement, HTMLElement];
      const origImg = lp.querySelector("img") as HTMLImageElement;
      const compImg = rp.querySelector('[data-testid="after-layer"] img') as HTMLImageElement;
      const pixels = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext("2d", { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0);
        return { w: c.width, h: c.height, d: ctx.getImageData(0, 0, c.width, c.height).data };
      };
      const cut = await pixels(cutoutSrc);
      const comp = await pixels(compImg.src);
      const lr = lp.getBoundingClientRect();
      const rr = rp.getBoundingClientRect();
      const oi = origImg.getBoundingClientRect();
      const ci = compImg.getBoundingClientRect();
      const alphaAt = (x: number, y: number) =>
        x < 0 || y < 0 || x >= cut.w || y >= cut.h ? 0 : cut.d[4 * (y * cut.w + x) + 3]!;
      const around = (x: number, y: number, a: number) =>
        [-3, 0, 3].every((dx) => [-3, 0, 3].every((dy) => alphaAt(x + dx, y + dy) === a));
      const solid = (x: number, y: number) => around(x, y, 255);
      const clear = (x: number, y: number) => x >= 3 && y >= 3 && x < cut.w - 3 && y < cut.h - 3 && around(x, y, 0);
      const bgDiff = (qx: number, qy: number) => {
        if (qx < 0 || qy < 0 || qx >= comp.w || qy >= comp.h) return null;
        const b = 4 * (qy * comp.w + qx);
        return (
          (Math.abs(bg[0]! - comp.d[b]!) + Math.abs(bg[1]! - comp.d[b + 1]!) + Math.abs(bg[2]! - comp.d[b + 2]!)) / 3
        );
      };
      let checked = 0;
      let mismatched = 0;
      let shiftedMismatched = 0;
      const diffs: number[] = [];
      const shifted: number[] = [];
      const diffAt = (px: number, py: number, qx: number, qy: number) => {
        if (qx < 0 || qy < 0 || qx >= comp.w || qy >= comp.h) return null;
        const a = 4 * (py * cut.w + px);
        const b = 4 * (qy * comp.w + qx);
        return (
          (Math.abs(cut.d[a]! - comp.d[b]!) +
            Math.abs(cut.d[a + 1]! - comp.d[b + 1]!) +
            Math.abs(cut.d[a + 2]! - comp.d[b + 2]!)) /
          3
        );
      };
      const W = Math.min(lr.width, rr.width);
      const H = Math.min(lr.height, rr.height);
      for (let gy = 1; gy < 40; gy++) {
        for (let gx = 1; gx < 40; gx++) {
          const ox = (gx / 40) * W;
          const oy = (gy / 40) * H;
          // The same place in each pane, in screen pixels.
          const px = Math.floor(((lr.left + ox - oi.left) * origImg.naturalWidth) / oi.width);
          const py = Math.floor(((lr.top + oy - oi.top) * origImg.naturalHeight) / oi.height);
          const qx = Math.floor(((rr.left + ox - ci.left) * comp.w) / ci.width);
          const qy = Math.floor(((rr.top + oy - ci.top) * comp.h) / ci.height);
          if (clear(px, py)) {
            const d = bgDiff(qx, qy);
            const s = bgDiff(qx + 24, qy);
            if (d === null || s === null) continue;
            checked++;
            if (d > 40) mismatched++;
            if (s > 40) shiftedMismatched++;
            continue;
          }
          if (!solid(px, py)) continue;
          const d = diffAt(px, py, qx, qy);
          const s = diffAt(px, py, qx + 24, qy);
          if (d === null || s === null) continue;
          diffs.push(d);
          shifted.push(s);
          checked++;
          if (d > 40) mismatched++;
          if (s > 40) shiftedMismatched++;
        }
      }
      const median = (v: number[]) => (v.length ? [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)]! : NaN);
      return {
        points: diffs.length,
        medianDiff: Math.round(median(diffs) * 10) / 10,
        shiftedDiff: Math.round(median(shifted) * 10) / 10,
        checked,
        mismatchRate: Math.round((mismatched / Math.max(1, checked)) * 1000) / 1000,
        shiftedMismatchRate: Math.round((shiftedMismatched / Math.max(1, checked)) * 1000) / 1000,
        left: { scrollLeft: lp.scrollLeft, scrollTop: lp.scrollTop },
        right: { scrollLeft: rp.scrollLeft, scrollTop: rp.scrollTop },
      };
    },
    { cutoutSrc: cutoutUrl, bgHex: background },
  );
}

/** The review page's signed blob URLs and the shop's background, from the loader data Remix holds in the browser. */
export interface ReviewData {
  urls: { original: string; composite: string | null; cutout: string | null };
  settings: { background: string };
}

export async function reviewData(page: Page): Promise<ReviewData> {
  return page.evaluate(() => {
    // Remix's router (window.__remixRouter) holds the current page's loader data, also after client navigations.
    const router = (
      window as unknown as { __remixRouter: { state: { loaderData: Record<string, Partial<ReviewData>> } } }
    ).__remixRouter;
    const data = Object.entries(router.state.loaderData).find(([id]) => id.endsWith("app.images.$id"))?.[1];
    if (!data?.urls || !data.settings) throw new Error("no review loader data");
    return { urls: data.urls, settings: data.settings };
  });
}

/**
 * Milliseconds from a click on the "100 %" button until every pane is at one photo pixel per CSS pixel
 * and the browser has painted that frame (the next animation frame after it holds).
 */
export async function zoomToggleMs(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "100 %");
        if (!button) return reject(new Error("no 100 % button"));
        // Every pane draws the original photo's frame: its first pane's first image is the original.
        const original = document.querySelector<HTMLImageElement>('[data-testid="zoom-pane"] img');
        const at100 = () =>
          original !== null &&
          [...document.querySelectorAll<HTMLElement>('[data-testid="zoom-pane"]')].every((pane) => {
            const stage = pane.querySelector<HTMLElement>('[data-testid="stage"]');
            return (
              pane.dataset.zoom === "100" &&
              stage !== null &&
              Math.round(stage.getBoundingClientRect().width) === original.naturalWidth
            );
          });
        const t0 = performance.now();
        button.click();
        const tick = () => {
          if (at100()) requestAnimationFrame(() => resolve(Math.round((performance.now() - t0) * 10) / 10));
          else if (performance.now() - t0 > 5000) reject(new Error("the panes never reached 100 %"));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}
