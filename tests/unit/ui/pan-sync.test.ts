// Panes kept on the same spot: the photo point at the centre of each view is shared, whatever the
// panes' widths, and a pane's late scroll event (from being moved) does not drag the others back.
import { describe, expect, it } from "vitest";
import { PanSync } from "../../../app/ui/pan-sync";

/** The parts of a scrollable element PanSync uses; scroll events are fired by hand, as a browser does a frame later. */
class FakePane {
  scrollLeft = 0;
  scrollTop = 0;
  private listeners: Array<() => void> = [];
  constructor(
    readonly clientWidth: number,
    readonly clientHeight: number,
  ) {}
  scrollTo(o: { left: number; top: number }) {
    this.scrollLeft = Math.max(0, o.left);
    this.scrollTop = Math.max(0, o.top);
  }
  addEventListener(_: string, fn: () => void) {
    this.listeners.push(fn);
  }
  removeEventListener(_: string, fn: () => void) {
    this.listeners = this.listeners.filter((l) => l !== fn);
  }
  scrollBy(dx: number, dy: number) {
    this.scrollLeft += dx;
    this.scrollTop += dy;
    this.fire();
  }
  fire() {
    for (const l of this.listeners) l();
  }
}
const el = (p: FakePane) => p as unknown as HTMLElement;

describe("PanSync", () => {
  it("moves the other pane to the same centre when one pans", () => {
    const sync = new PanSync();
    const a = new FakePane(400, 600);
    const b = new FakePane(400, 600);
    sync.attach(el(a));
    sync.attach(el(b));
    a.scrollBy(300, 120);
    expect([b.scrollLeft, b.scrollTop]).toEqual([300, 120]);
    expect(sync.position()).toEqual({ x: 500, y: 420 });
  });

  it("ignores the echo of its own move, so the pane being dragged is not pulled back", () => {
    const sync = new PanSync();
    const a = new FakePane(400, 600);
    const b = new FakePane(400, 600);
    sync.attach(el(a));
    sync.attach(el(b));
    a.scrollBy(100, 0); // b is put at 100
    a.scrollLeft = 140; // the merchant keeps dragging before b's scroll event arrives
    b.fire(); // b's late event: it is where the sync put it, nothing new
    expect(a.scrollLeft).toBe(140);
    a.fire();
    expect(b.scrollLeft).toBe(140);
  });

  it("keeps the spot for a pane of another width attached later (switching compare mode)", () => {
    const sync = new PanSync();
    const side = new FakePane(400, 600);
    const detach = sync.attach(el(side));
    side.scrollBy(800, 200); // centre at (1000, 500)
    detach();
    const wide = new FakePane(900, 600);
    sync.attach(el(wide));
    expect([wide.scrollLeft + wide.clientWidth / 2, wide.scrollTop + wide.clientHeight / 2]).toEqual([1000, 500]);
  });

  it("forgets the spot on reset: the next view centres on the piece again", () => {
    const sync = new PanSync();
    const a = new FakePane(400, 600);
    sync.attach(el(a));
    a.scrollBy(10, 10);
    sync.reset();
    expect(sync.position()).toBeNull();
  });
});
