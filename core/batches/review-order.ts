// Moving through a batch on the review page: the photos in the batch grid's order, the one before and
// after the current photo, and the next photo still waiting for a decision (after the current one,
// wrapping to the start of the batch).
import type { JobState } from "./job-states";

export interface OrderedImage {
  id: string;
  state: JobState;
}

export interface ReviewNeighbours {
  /** 1-based position of the current photo in the batch, 0 when it is not in the list. */
  index: number;
  total: number;
  prev: string | null;
  next: string | null;
  /** Photos in the batch waiting for review, the current one included. */
  toReview: number;
  nextToReview: string | null;
}

export function nextToReview(images: readonly OrderedImage[], currentId: string): string | null {
  const at = images.findIndex((i) => i.id === currentId);
  for (let k = 1; k <= images.length; k++) {
    const img = images[(at + k + images.length) % images.length]!;
    if (img.id !== currentId && img.state === "review") return img.id;
  }
  return null;
}

export function reviewNeighbours(images: readonly OrderedImage[], currentId: string): ReviewNeighbours {
  const at = images.findIndex((i) => i.id === currentId);
  return {
    index: at + 1,
    total: images.length,
    prev: at > 0 ? images[at - 1]!.id : null,
    next: at >= 0 && at < images.length - 1 ? images[at + 1]!.id : null,
    toReview: images.filter((i) => i.state === "review").length,
    nextToReview: nextToReview(images, currentId),
  };
}
