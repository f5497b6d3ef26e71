// REST-shaped webhook payloads, as Shopify sends them (products/update carries media[]).
import type { FakeStore } from "./store";

const num = (gid: string) => Number(gid.split("/").pop());

export function productPayload(store: FakeStore, productId: string) {
  const p = store.data.products[productId];
  if (!p) return { id: num(productId), admin_graphql_api_id: productId };
  const media = p.mediaIds.map((id, position) => {
    const f = store.data.files[id]!;
    const status = f.pending ? "processing" : f.status.toLowerCase();
    return {
      id: num(f.id),
      position: position + 1,
      alt: f.alt,
      status,
      media_content_type: "IMAGE",
      admin_graphql_api_id: f.id,
      preview_image: { width: f.width, height: f.height, src: store.cdnUrl(f), status },
      variant_ids: p.variants.filter((v) => v.mediaIds.includes(f.id)).map((v) => num(v.id)),
      created_at: f.createdAt,
      updated_at: f.updatedAt,
    };
  });
  return {
    id: num(p.id),
    admin_graphql_api_id: p.id,
    title: p.title,
    handle: p.handle,
    tags: p.tags.join(", "),
    updated_at: p.updatedAt,
    created_at: p.createdAt,
    images: media.map((m) => ({
      id: m.id,
      position: m.position,
      alt: m.alt,
      src: m.preview_image.src,
      width: m.preview_image.width,
      height: m.preview_image.height,
    })),
    media,
  };
}

export function bulkFinishPayload(store: FakeStore, bulkId: string) {
  const b = store.data.bulk[bulkId]!;
  return {
    admin_graphql_api_id: b.id,
    completed_at: b.completedAt,
    created_at: b.createdAt,
    error_code: null,
    status: b.status.toLowerCase(),
    type: "query",
  };
}
