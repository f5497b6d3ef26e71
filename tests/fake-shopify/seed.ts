// The demo store: loupe-demo.myshopify.com with a "Spring Jewelry" collection of jewelry products,
// 1–3 photos each, rendered by catalog-render.ts.
import { renderPhoto, type PhotoSpec } from "./catalog-render";
import type { FakeStore } from "./store";

export const DEMO_SHOP = "loupe-demo.myshopify.com";

interface SeedProduct {
  title: string;
  tags: string[];
  type: string;
  variants: string[];
  photos: Array<Omit<PhotoSpec, "size" | "seed">>;
}

export const DEMO_PRODUCTS: SeedProduct[] = [
  {
    title: "14k Rose Gold Halo Ring",
    tags: ["rings", "rose gold", "spring"],
    type: "Ring",
    variants: ["Size 6", "Size 7", "Size 8"],
    photos: [
      { kind: "ring", metal: "rose", gem: "diamond" },
      { kind: "ring", metal: "rose", gem: "diamond", angle: 18 },
    ],
  },
  {
    title: "Sterling Silver Hoops",
    tags: ["earrings", "silver"],
    type: "Earrings",
    variants: ["Small", "Large"],
    photos: [{ kind: "hoops", metal: "white" }],
  },
  {
    title: "Emerald Drop Pendant",
    tags: ["necklaces", "emerald", "spring"],
    type: "Pendant",
    variants: ["16 in", "18 in"],
    photos: [
      { kind: "pendant", metal: "yellow", gem: "emerald" },
      { kind: "pendant", metal: "yellow", gem: "emerald", angle: -8 },
      { kind: "pendant", metal: "yellow", gem: "emerald", angle: 10 },
    ],
  },
  {
    title: "18k Yellow Gold Ruby Solitaire",
    tags: ["rings", "ruby", "yellow gold"],
    type: "Ring",
    variants: ["Size 5", "Size 6", "Size 7"],
    photos: [{ kind: "ring", metal: "yellow", gem: "ruby" }],
  },
  {
    title: "Sapphire Tennis Bracelet",
    tags: ["bracelets", "sapphire"],
    type: "Bracelet",
    variants: ["7 in"],
    photos: [
      { kind: "bracelet", metal: "white", gem: "sapphire" },
      { kind: "bracelet", metal: "white", gem: "sapphire", angle: 12 },
    ],
  },
  {
    title: "Rose Gold Diamond Studs",
    tags: ["earrings", "rose gold", "spring"],
    type: "Earrings",
    variants: ["0.25 ct", "0.5 ct"],
    photos: [{ kind: "studs", metal: "rose", gem: "diamond" }],
  },
  {
    title: "White Gold Sapphire Ring",
    tags: ["rings", "white gold", "sapphire"],
    type: "Ring",
    variants: ["Size 6", "Size 7"],
    photos: [
      { kind: "ring", metal: "white", gem: "sapphire" },
      { kind: "ring", metal: "white", gem: "sapphire", angle: -15 },
    ],
  },
];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export async function seedDemo(store: FakeStore, opts: { shop?: string; size?: number } = {}): Promise<void> {
  const shop = opts.shop ?? DEMO_SHOP;
  const size = opts.size ?? 1200;
  const now = new Date().toISOString();
  const jobs = DEMO_PRODUCTS.flatMap((p, i) =>
    p.photos.map((ph, k) => ({ i, k, spec: { ...ph, size: size + ((i + k) % 3) * 200, seed: 1000 + i * 10 + k } })),
  );
  const rendered = await Promise.all(jobs.map((j) => renderPhoto(j.spec)));
  const collectionId = store.nextId("Collection");
  const productIds: string[] = [];
  DEMO_PRODUCTS.forEach((p, i) => {
    const id = store.nextId("Product");
    productIds.push(id);
    const mediaIds: string[] = [];
    jobs.forEach((j, n) => {
      if (j.i !== i) return;
      const fid = store.nextId("MediaImage");
      store.data.files[fid] = {
        id: fid,
        shop,
        alt: `${p.title}${j.k ? ` — view ${j.k + 1}` : ""}`,
        mimeType: "image/jpeg",
        width: j.spec.size,
        height: j.spec.size,
        blobSha: store.putBlob(rendered[n]!),
        version: 1,
        filename: `${slug(p.title)}-${j.k + 1}.jpg`,
        status: "READY",
        pending: null,
        errors: [],
        productIds: [id],
        createdAt: now,
        updatedAt: now,
      };
      mediaIds.push(fid);
    });
    store.data.products[id] = {
      id,
      shop,
      title: p.title,
      handle: slug(p.title),
      tags: p.tags,
      productType: p.type,
      vendor: "Loupe Demo Jewelers",
      mediaIds,
      variants: p.variants.map((v, k) => ({
        id: store.nextId("ProductVariant"),
        title: v,
        price: (180 + i * 35 + k * 20).toFixed(2),
        mediaIds: k === 0 && mediaIds[0] ? [mediaIds[0]] : [],
      })),
      createdAt: now,
      updatedAt: now,
    };
  });
  store.data.collections[collectionId] = {
    id: collectionId,
    shop,
    title: "Spring Jewelry",
    handle: "spring-jewelry",
    productIds,
  };
  store.install(shop); // the demo store has Loupe installed
  store.markDirty();
}
