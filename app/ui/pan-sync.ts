// Keeps scrollable panes showing the same spot: every pane attached draws the same W × H frame (the
// original photo's pixels at the same scale), so the point at the centre of each pane's view is one
// photo coordinate. Panes may differ in width (side by side vs before/after): the centre is what is
// shared. The last centre is kept while no pane is attached, so switching compare mode at 100 % stays
// on the same spot.

export interface PanCentre {
  x: number;
  y: number;
}

export class PanSync {
  private panes = new Set<HTMLElement>();
  private centre: PanCentre | null = null;

  position(): PanCentre | null {
    return this.centre;
  }

  /** Forget the spot (e.g. when zooming out): the next 100 % view centres on the piece again. */
  reset(): void {
    this.centre = null;
  }

  /** Follow a pane's scrolling and keep it in step with the others; returns the detach function. */
  attach(el: HTMLElement): () => void {
    this.panes.add(el);
    if (this.centre) centreOn(el, this.centre);
    const onScroll = () => this.moved(el);
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      el.removeEventListener("scroll", onScroll);
      this.panes.delete(el);
    };
  }

  private moved(from: HTMLElement): void {
    const c = centreOf(from);
    // A pane that only arrived where this class put it has nothing new to say (scroll events come a
    // frame late: acting on them would drag back the pane the merchant is moving).
    if (this.centre && Math.abs(this.centre.x - c.x) < 0.5 && Math.abs(this.centre.y - c.y) < 0.5) return;
    this.centre = c;
    for (const other of this.panes) if (other !== from) centreOn(other, c);
  }
}

function centreOf(el: HTMLElement): PanCentre {
  return { x: el.scrollLeft + el.clientWidth / 2, y: el.scrollTop + el.clientHeight / 2 };
}

export function centreOn(el: HTMLElement, c: PanCentre): void {
  el.scrollTo({ left: c.x - el.clientWidth / 2, top: c.y - el.clientHeight / 2, behavior: "instant" });
}
