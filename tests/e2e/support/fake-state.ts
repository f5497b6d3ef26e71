// Reads the fake Shopify's state (GET <fake>/_fake/state): what the store holds right now.
export interface FakeMedia {
  id: string;
  alt: string | null;
  position: number;
  sha256: string;
  status: string;
  url: string;
}
export interface FakeState {
  collections: Array<{ id: string; title: string; productIds: string[] }>;
  products: Array<{ id: string; title: string; media: FakeMedia[] }>;
}

export async function fakeState(fakeUrl: string): Promise<FakeState> {
  const res = await fetch(`${fakeUrl}/_fake/state`);
  if (!res.ok) throw new Error(`GET /_fake/state: ${res.status}`);
  return (await res.json()) as FakeState;
}

export function findMedia(state: FakeState, mediaId: string): { productId: string; media: FakeMedia } | null {
  for (const p of state.products) {
    const m = p.media.find((x) => x.id === mediaId);
    if (m) return { productId: p.id, media: m };
  }
  return null;
}
