// A product of a collection as the pull reads it: its id and title, and its image media when the
// listing already carried them (the bulk path), so the pull makes no per-product media query.
import type { ProductImage } from "./media-pull";

export interface CollectionProduct {
  id: string;
  title: string;
  images?: ProductImage[];
}
