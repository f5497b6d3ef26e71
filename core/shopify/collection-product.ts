// A product of a collection as the pull reads it: its id and title, and its image media when the
// listing already carried them (the bulk path), so the pull makes no per-product media query; and an
// image medium of a product as the pull reads it.
export interface CollectionProduct {
  id: string;
  title: string;
  images?: ProductImage[];
}

export interface ProductImage {
  mediaId: string;
  productId: string;
  productTitle: string;
  position: number;
  alt: string | null;
  status: string;
  url: string | null;
  mimeType: string | null;
  width: number | null;
  height: number | null;
  /** MediaImage.updatedAt, for the webhook loop guard. */
  updatedAt?: string | null;
  /** MediaImage.createdAt (Shopify's clock), to tell a new upload from a product's older photos. */
  createdAt?: string | null;
}
