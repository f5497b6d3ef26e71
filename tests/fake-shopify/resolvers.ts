// Resolvers for the part of the Admin API Loupe uses, over the FakeStore, executed by graphql-js
// against Shopify's real schema (the default field resolver calls functions with (args)).
// Objects carry __typename so interfaces (Node, Media, File) resolve.
import { connection, type ConnArgs } from "./connection";
import type { FakeCollection, FakeFile, FakeProduct, FakeStore } from "./store";
import { stagedUploadTarget } from "./uploads";
import { runBulkQuery } from "./bulk";

export interface Ctx {
  store: FakeStore;
  shop: string;
  now: number;
  /** Inside a bulk operation: connections return everything. */
  bulk?: boolean;
}

type Args = Record<string, unknown>;

function mediaImage(store: FakeStore, f: FakeFile) {
  // Right after fileUpdate Shopify still shows the file as it was: READY, old URL and version.
  const stale = f.pending !== null && f.pending.staleUntil !== undefined && Date.now() < f.pending.staleUntil;
  const ready = f.status === "READY";
  const processing = f.pending !== null && !stale;
  // A write goes UPLOADED (first half of the processing time) → PROCESSING → READY/FAILED.
  const uploaded = f.pending !== null && Date.now() < f.pending.readyAt - store.settings.processingMs / 2;
  const status = processing ? (uploaded ? "UPLOADED" : "PROCESSING") : f.status;
  const image =
    ready || processing
      ? {
          id: f.id.replace("MediaImage", "ImageSource"),
          url: store.cdnUrl(f),
          width: f.width,
          height: f.height,
          altText: f.alt,
          thumbhash: null,
        }
      : null;
  return {
    __typename: "MediaImage",
    id: f.id,
    alt: f.alt,
    mediaContentType: "IMAGE",
    status,
    fileStatus: status,
    mimeType: f.mimeType,
    createdAt: f.createdAt,
    updatedAt: stale ? (f.pending?.staleUpdatedAt ?? f.updatedAt) : f.updatedAt,
    image: status === "READY" || processing ? image : null,
    preview: { image, status },
    originalSource: { url: `${store.cdnUrl(f)}&original=1`, fileSize: store.blob(f.blobSha)?.length ?? null },
    mediaErrors: status === "FAILED" ? f.errors.map((e) => ({ code: e.code, message: e.message, details: null })) : [],
    fileErrors: status === "FAILED" ? f.errors.map((e) => ({ code: e.code, message: e.message, details: null })) : [],
    mediaWarnings: [],
  };
}

function product(ctx: Ctx, p: FakeProduct) {
  const { store } = ctx;
  const files = () => p.mediaIds.map((id) => store.data.files[id]).filter((f): f is FakeFile => !!f);
  return {
    __typename: "Product",
    id: p.id,
    title: p.title,
    handle: p.handle,
    tags: p.tags,
    productType: p.productType,
    vendor: p.vendor,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    mediaCount: () => ({ count: p.mediaIds.length, precision: "EXACT" }),
    media: (a: ConnArgs) =>
      connection(
        files().map((f) => mediaImage(store, f)),
        a,
        ctx.bulk,
      ),
    variants: (a: ConnArgs) =>
      connection(
        p.variants.map((v) => ({
          __typename: "ProductVariant",
          id: v.id,
          title: v.title,
          price: v.price,
          media: (a2: ConnArgs) =>
            connection(
              v.mediaIds
                .map((m) => store.data.files[m])
                .filter((f): f is FakeFile => !!f)
                .map((f) => mediaImage(store, f)),
              a2,
            ),
        })),
        a,
      ),
  };
}

function collection(ctx: Ctx, c: FakeCollection) {
  const prods = () => c.productIds.map((id) => ctx.store.data.products[id]).filter((p): p is FakeProduct => !!p);
  return {
    __typename: "Collection",
    id: c.id,
    title: c.title,
    handle: c.handle,
    productsCount: () => ({ count: c.productIds.length, precision: "EXACT" }),
    products: (a: ConnArgs) =>
      connection(
        prods().map((p) => product(ctx, p)),
        a,
        ctx.bulk,
      ),
  };
}

function bulkOperation(ctx: Ctx, id: string) {
  const b = ctx.store.data.bulk[id];
  if (!b || b.shop !== ctx.shop) return null;
  return {
    __typename: "BulkOperation",
    id: b.id,
    status: b.status,
    errorCode: null,
    objectCount: String(b.status === "COMPLETED" ? b.objectCount : 0),
    rootObjectCount: String(b.status === "COMPLETED" ? b.rootObjectCount : 0),
    url:
      b.status === "COMPLETED" && b.resultKey
        ? `https://shopify-staged-uploads.storage.googleapis.com/${b.resultKey}`
        : null,
    partialDataUrl: null,
    createdAt: b.createdAt,
    completedAt: b.completedAt,
    query: b.query,
    type: "QUERY",
    fileSize: null,
  };
}

export function nodeById(ctx: Ctx, id: string): unknown {
  const { store, shop } = ctx;
  const f = store.data.files[id];
  if (f && f.shop === shop) return mediaImage(store, f);
  const p = store.data.products[id];
  if (p && p.shop === shop) return product(ctx, p);
  const c = store.data.collections[id];
  if (c && c.shop === shop) return collection(ctx, c);
  if (id.startsWith("gid://shopify/BulkOperation/")) return bulkOperation(ctx, id);
  const j = store.data.jobs[id];
  if (j) return { __typename: "Job", id: j.id, done: ctx.now >= j.doneAt, query: null };
  return null;
}

function productsQuery(ctx: Ctx, query: string | undefined | null): FakeProduct[] {
  let list = ctx.store.productsOf(ctx.shop);
  const m = /collection_id:(\d+)/.exec(query ?? "");
  if (m) {
    const c = ctx.store.data.collections[`gid://shopify/Collection/${m[1]}`];
    list =
      c && c.shop === ctx.shop
        ? c.productIds.map((id) => ctx.store.data.products[id]).filter((p): p is FakeProduct => !!p)
        : [];
  }
  return list;
}

export function rootQuery(ctx: Ctx) {
  return {
    shop: {
      __typename: "Shop",
      id: "gid://shopify/Shop/1",
      name: ctx.shop.replace(".myshopify.com", ""),
      myshopifyDomain: ctx.shop,
    },
    product: ({ id }: Args) => {
      const p = ctx.store.data.products[String(id)];
      return p && p.shop === ctx.shop ? product(ctx, p) : null;
    },
    collection: ({ id }: Args) => {
      const c = ctx.store.data.collections[String(id)];
      return c && c.shop === ctx.shop ? collection(ctx, c) : null;
    },
    products: (a: Args) =>
      connection(
        productsQuery(ctx, a.query as string | null).map((p) => product(ctx, p)),
        a as ConnArgs,
        ctx.bulk,
      ),
    collections: (a: Args) =>
      connection(
        Object.values(ctx.store.data.collections)
          .filter((c) => c.shop === ctx.shop)
          .map((c) => collection(ctx, c)),
        a as ConnArgs,
      ),
    node: ({ id }: Args) => nodeById(ctx, String(id)),
    nodes: ({ ids }: Args) => (ids as string[]).map((id) => nodeById(ctx, id)),
    job: ({ id }: Args) => nodeById(ctx, String(id)),
    bulkOperation: ({ id }: Args) => bulkOperation(ctx, String(id)),
  };
}

type UserError = { field: string[] | null; message: string; code: string | null };
const uerr = (field: string[] | null, message: string, code: string | null = null): UserError => ({
  field,
  message,
  code,
});

function touchProducts(ctx: Ctx, f: FakeFile) {
  for (const pid of f.productIds) {
    const p = ctx.store.data.products[pid];
    if (p) p.updatedAt = new Date(ctx.now).toISOString();
  }
}

export function rootMutation(ctx: Ctx) {
  const { store } = ctx;
  return {
    stagedUploadsCreate: ({ input }: Args) => {
      const inputs = input as Array<{ resource: string; filename: string; mimeType: string; httpMethod?: string }>;
      const userErrors: Array<{ field: string[]; message: string }> = [];
      const stagedTargets = inputs.map((i, k) => {
        if (!["IMAGE", "FILE", "PRODUCT_IMAGE", "COLLECTION_IMAGE", "SHOP_IMAGE"].includes(i.resource))
          userErrors.push({
            field: ["input", String(k), "resource"],
            message: "Resource is not supported in this fake",
          });
        return stagedUploadTarget(store, i);
      });
      return { stagedTargets, userErrors };
    },

    fileUpdate: ({ files }: Args) => {
      const inputs = files as Array<{
        id: string;
        alt?: string;
        originalSource?: string;
        previewImageSource?: string;
        filename?: string;
        referencesToAdd?: string[];
        referencesToRemove?: string[];
      }>;
      const userErrors: UserError[] = [];
      const out: unknown[] = [];
      inputs.forEach((i, k) => {
        const f = store.data.files[i.id];
        if (!f || f.shop !== ctx.shop) {
          userErrors.push(uerr(["files", String(k), "id"], "File id does not exist.", "FILE_DOES_NOT_EXIST"));
          return;
        }
        if (i.originalSource && i.previewImageSource) {
          userErrors.push(
            uerr(["files", String(k)], "Cannot update both originalSource and previewImageSource.", "INVALID"),
          );
          return;
        }
        if (i.originalSource) {
          if (f.status === "FAILED") {
            userErrors.push(
              uerr(
                ["files", String(k), "id"],
                "File cannot be updated in a failed state.",
                "INVALID_FAILED_MEDIA_STATE",
              ),
            );
            return;
          }
          if (f.pending && f.status === "READY") {
            userErrors.push(
              uerr(
                ["files", String(k), "id"],
                "Media cannot be modified. It is currently being modified by another operation.",
                "MEDIA_CANNOT_BE_MODIFIED",
              ),
            );
            return;
          }
          if (f.pending || f.status !== "READY") {
            userErrors.push(uerr(["files", String(k), "id"], "The file is not in the READY state.", "NON_READY_STATE"));
            return;
          }
          const staged = stagedFor(store, i.originalSource);
          if (!staged) {
            userErrors.push(
              uerr(
                ["files", String(k), "originalSource"],
                "The original source is invalid or was not uploaded.",
                "INVALID",
              ),
            );
            return;
          }
          const ext = (n: string) =>
            n
              .slice(n.lastIndexOf(".") + 1)
              .toLowerCase()
              .replace("jpeg", "jpg");
          if (ext(staged.filename) !== ext(f.filename)) {
            userErrors.push(
              uerr(
                ["files", String(k), "originalSource"],
                "The file extension does not match the original file.",
                "INVALID_FILENAME_EXTENSION",
              ),
            );
            return;
          }
          const fault = store.takeFault(["PROCESSING_FAILED"], "fileUpdate");
          f.pending = {
            blobSha: staged.sha,
            mimeType: staged.mimeType,
            width: staged.width,
            height: staged.height,
            filename: f.filename,
            readyAt: ctx.now + store.settings.processingMs,
            fail: !!fault,
            staleUntil: ctx.now + Math.min(store.settings.staleReadMs, store.settings.processingMs / 2),
            staleUpdatedAt: f.updatedAt,
          };
          f.updatedAt = new Date(ctx.now).toISOString();
        }
        if (i.alt !== undefined && i.alt !== null) f.alt = i.alt;
        for (const pid of i.referencesToAdd ?? []) {
          const p = store.data.products[pid];
          if (p && p.shop === ctx.shop && !p.mediaIds.includes(f.id)) {
            p.mediaIds.push(f.id);
            f.productIds.push(pid);
          }
        }
        for (const pid of i.referencesToRemove ?? []) {
          const p = store.data.products[pid];
          if (p) {
            p.mediaIds = p.mediaIds.filter((m) => m !== f.id);
            for (const v of p.variants) v.mediaIds = v.mediaIds.filter((m) => m !== f.id);
          }
          f.productIds = f.productIds.filter((x) => x !== pid);
        }
        touchProducts(ctx, f);
        out.push(mediaImage(store, f));
      });
      store.markDirty();
      return { files: userErrors.length ? null : out, userErrors };
    },

    fileAcknowledgeUpdateFailed: ({ fileIds }: Args) => {
      const files: unknown[] = [];
      const userErrors: UserError[] = [];
      for (const id of fileIds as string[]) {
        const f = store.data.files[id];
        if (!f || f.shop !== ctx.shop) {
          userErrors.push(uerr(["fileIds"], "File id does not exist.", "FILE_DOES_NOT_EXIST"));
          continue;
        }
        if (f.status !== "FAILED") {
          userErrors.push(uerr(["fileIds"], "The file is not in a failed state.", "NON_READY_STATE"));
          continue;
        }
        f.status = "READY"; // previous content kept
        f.errors = [];
        files.push(mediaImage(store, f));
      }
      store.markDirty();
      return { files, userErrors };
    },

    productUpdate: ({ product: input, media }: Args) => {
      const pi = input as { id?: string; title?: string };
      const p = pi.id ? store.data.products[pi.id] : undefined;
      if (!p || p.shop !== ctx.shop) return { product: null, userErrors: [uerr(["id"], "Product does not exist")] };
      if (pi.title) p.title = pi.title;
      for (const m of (media as Array<{ originalSource: string; alt?: string; mediaContentType: string }> | null) ??
        []) {
        const staged = stagedFor(store, m.originalSource);
        if (!staged)
          return { product: null, userErrors: [uerr(["media", "originalSource"], "Media originalSource is invalid")] };
        const id = store.nextId("MediaImage");
        const now = new Date(ctx.now).toISOString();
        store.data.files[id] = {
          id,
          shop: ctx.shop,
          alt: m.alt ?? "",
          mimeType: staged.mimeType,
          width: staged.width,
          height: staged.height,
          blobSha: staged.sha,
          version: 1,
          filename: staged.filename,
          status: "UPLOADED",
          pending: {
            blobSha: staged.sha,
            mimeType: staged.mimeType,
            width: staged.width,
            height: staged.height,
            filename: staged.filename,
            readyAt: ctx.now + store.settings.processingMs,
            fail: false,
          },
          errors: [],
          productIds: [p.id],
          createdAt: now,
          updatedAt: now,
        };
        p.mediaIds.push(id);
      }
      p.updatedAt = new Date(ctx.now).toISOString();
      store.markDirty();
      return { product: product(ctx, p), userErrors: [] };
    },

    productReorderMedia: ({ id, moves }: Args) => {
      const p = store.data.products[String(id)];
      if (!p || p.shop !== ctx.shop)
        return {
          job: null,
          mediaUserErrors: [uerr(["id"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")],
          userErrors: [],
        };
      for (const mv of moves as Array<{ id: string; newPosition: string }>) {
        const from = p.mediaIds.indexOf(mv.id);
        if (from < 0)
          return {
            job: null,
            mediaUserErrors: [uerr(["moves"], "Media does not exist", "MEDIA_DOES_NOT_EXIST")],
            userErrors: [],
          };
        p.mediaIds.splice(from, 1);
        p.mediaIds.splice(Math.min(Number(mv.newPosition), p.mediaIds.length), 0, mv.id);
      }
      const jobId = store.nextId("Job");
      store.data.jobs[jobId] = { id: jobId, doneAt: ctx.now + 50 };
      p.updatedAt = new Date(ctx.now).toISOString();
      store.markDirty();
      return { job: { __typename: "Job", id: jobId, done: false, query: null }, mediaUserErrors: [], userErrors: [] };
    },

    fileDelete: ({ fileIds }: Args) => {
      const deleted: string[] = [];
      for (const id of fileIds as string[]) {
        const f = store.data.files[id];
        if (!f || f.shop !== ctx.shop) continue;
        for (const pid of f.productIds) {
          const p = store.data.products[pid];
          if (p) p.mediaIds = p.mediaIds.filter((m) => m !== id);
        }
        delete store.data.files[id];
        deleted.push(id);
      }
      store.markDirty();
      return { deletedFileIds: deleted, userErrors: [] };
    },

    productVariantAppendMedia: ({ productId, variantMedia }: Args) => {
      const p = store.data.products[String(productId)];
      if (!p || p.shop !== ctx.shop)
        return {
          product: null,
          productVariants: null,
          userErrors: [uerr(["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")],
        };
      const userErrors: UserError[] = [];
      const pairs = variantMedia as Array<{ variantId: string; mediaIds: string[] }>;
      pairs.forEach((vm, k) => {
        const v = p.variants.find((x) => x.id === vm.variantId);
        if (!v)
          return void userErrors.push(
            uerr(
              ["variantMedia", String(k), "variantId"],
              "Variant does not exist on the product.",
              "PRODUCT_VARIANT_DOES_NOT_EXIST_ON_PRODUCT",
            ),
          );
        if (vm.mediaIds.length !== 1)
          return void userErrors.push(
            uerr(
              ["variantMedia", String(k), "mediaIds"],
              "Only one media per variant.",
              "TOO_MANY_MEDIA_PER_INPUT_PAIR",
            ),
          );
        const mid = vm.mediaIds[0]!;
        if (!p.mediaIds.includes(mid))
          return void userErrors.push(
            uerr(
              ["variantMedia", String(k), "mediaIds"],
              "Media does not exist on the product.",
              "MEDIA_DOES_NOT_EXIST_ON_PRODUCT",
            ),
          );
        const f = store.data.files[mid];
        if (!f || f.status !== "READY" || f.pending)
          return void userErrors.push(
            uerr(["variantMedia", String(k), "mediaIds"], "Media is not ready.", "NON_READY_MEDIA"),
          );
        if (v.mediaIds.length > 0)
          return void userErrors.push(
            uerr(
              ["variantMedia", String(k), "variantId"],
              "The variant already has media.",
              "PRODUCT_VARIANT_ALREADY_HAS_MEDIA",
            ),
          );
      });
      if (userErrors.length === 0)
        for (const vm of pairs) p.variants.find((x) => x.id === vm.variantId)!.mediaIds = [...vm.mediaIds];
      store.markDirty();
      return {
        product: product(ctx, p),
        productVariants: userErrors.length
          ? null
          : pairs.map((vm) => ({ __typename: "ProductVariant", id: vm.variantId })),
        userErrors,
      };
    },

    bulkOperationRunQuery: ({ query }: Args) => runBulkQuery(ctx, String(query)),
  };
}

function stagedFor(store: FakeStore, resourceUrl: string) {
  let key: string;
  try {
    key = new URL(resourceUrl).pathname.replace(/^\//, "");
  } catch {
    return null;
  }
  const meta = store.data.staged[key];
  if (!meta || !meta.sha || !store.blob(meta.sha)) return null;
  return { ...meta, sha: meta.sha };
}
