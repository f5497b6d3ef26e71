// Keeps scrollable panes showing the same spot: every pane attached draws the same W × H frame (the
// original photo's pixels), so one scroll position is one spot of the photo. The last position is
// kept while no pane is attached, so switching compare mode at 100 % stays on the same spot.

export interface PanPosition {
  left: number;
  top: number;
}

export class PanSync {
  private panes = new Set<HTMLElement>();
  private pos: PanPosition | null = null;

  position(): PanPosition | null {
    return this.pos;
  }

  /** Forget the position (e.g. when zooming out): the next 100 % view centres on the piece again. */
  reset(): void {
    this.pos = null;
  }

  /** Follow a pane's scrolling and keep it in step with the others; returns the detach function. */
  attach(el: HTMLElement): () => void {
    this.panes.add(el);
    if (this.pos) el.scrollTo({ left: this.pos.left, top: this.pos.top, behavior: "instant" });
    const onScroll = () => this.moved(el);
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      el.removeEventListener("scroll", onScroll);
      this.panes.delete(el);
    };
  }

  private moved(from: HTMLElement): void {
    const left = from.scrollLeft;
    const top = from.scrollTop;
    // A pane that only arrived where this class put it has nothing new to say (scroll events come a
    // frame late: acting on them would drag the pane the merchant is moving back).
    if (this.pos && Math.abs(this.pos.left - left) < 0.5 && Math.abs(this.pos.top - top) < 0.5) return;
    this.pos = { left, top };
    for (const other of this.panes) {
      if (other !== from) other.scrollTo({ left, top, behavior: "instant" });
    }
  }
}
