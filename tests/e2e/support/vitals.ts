// Largest Contentful Paint and Cumulative Layout Shift of the current page, from buffered
// PerformanceObserver entries ('largest-contentful-paint', 'layout-shift').
import type { Page } from "playwright-core";

export interface WebVitals {
  lcpMs: number;
  lcpElement: string;
  cls: number;
  layoutShifts: number;
}

export async function measureWebVitals(page: Page, settleMs = 1500): Promise<WebVitals> {
  return page.evaluate(
    (settle) =>
      new Promise<WebVitals>((resolve) => {
        let lcp = 0;
        let lcpElement = "";
        let cls = 0;
        let shifts = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<
            PerformanceEntry & { element?: Element | null; renderTime?: number; loadTime?: number }
          >) {
            lcp = e.startTime || e.renderTime || e.loadTime || 0;
            const el = e.element;
            lcpElement = el
              ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? "").trim().slice(0, 60)}"`
              : "";
          }
        }).observe({ type: "largest-contentful-paint", buffered: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (e.hadRecentInput) continue;
            cls += e.value;
            shifts++;
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(
          () =>
            resolve({ lcpMs: Math.round(lcp), lcpElement, cls: Math.round(cls * 10000) / 10000, layoutShifts: shifts }),
          settle,
        );
      }),
    settleMs,
  );
}
